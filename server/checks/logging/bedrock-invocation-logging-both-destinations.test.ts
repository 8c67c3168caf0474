import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-logging-both-destinations";

const cloudWatchConfig = { logGroupName: "/bedrock/invocations", roleArn: "arn:aws:iam::111122223333:role/BedrockLogging" };

describe("bedrock-invocation-logging-both-destinations", () => {
  it("passes with CloudWatch Logs and S3", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ cloudWatchConfig, s3Config: { bucketName: "logs" }, textDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("CloudWatch Logs group /bedrock/invocations and S3 bucket logs");
  });

  it("fails with CloudWatch Logs only and names what is missing", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ cloudWatchConfig, textDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("only to CloudWatch Logs group /bedrock/invocations; missing S3");
  });

  it("fails when logging is not configured", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("not configured");
  });

  it("reports ERROR when the configuration could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = denied("bedrock:GetModelInvocationLoggingConfiguration");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:GetModelInvocationLoggingConfiguration");
  });
});
