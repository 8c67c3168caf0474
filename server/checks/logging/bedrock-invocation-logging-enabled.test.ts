import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-logging-enabled";

const role = "arn:aws:iam::111122223333:role/BedrockLogging";

describe("bedrock-invocation-logging-enabled", () => {
  it("passes when text is delivered to a destination", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({
        cloudWatchConfig: { logGroupName: "/bedrock/invocations", roleArn: role },
        textDataDeliveryEnabled: true,
      });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("delivers text data to CloudWatch Logs group /bedrock/invocations");
  });

  it("fails when logging was never configured", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Model invocation logging is not configured in us-east-1");
  });

  it("fails when no data type is delivered", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ s3Config: { bucketName: "logs" }, textDataDeliveryEnabled: false });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("delivers no data type");
  });

  it("fails when there is no destination", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ textDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("has no destination");
  });

  it("reports ERROR naming the action when the configuration could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = denied("bedrock:GetModelInvocationLoggingConfiguration");
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("ERROR");
    expect(findings[0]?.message).toContain("bedrock:GetModelInvocationLoggingConfiguration");
  });
});
