import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-logging-text-delivery";

describe("bedrock-invocation-logging-text-delivery", () => {
  it("passes when text delivery is on", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ s3Config: { bucketName: "logs" }, textDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("delivers text data to S3 bucket logs");
  });

  it("fails when only images are delivered", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ s3Config: { bucketName: "logs" }, imageDataDeliveryEnabled: true });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("does not deliver text data");
  });

  it("is not applicable when logging is not configured", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("not configured in us-east-1");
  });

  it("reports ERROR when the configuration could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = denied("bedrock:GetModelInvocationLoggingConfiguration");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("grant bedrock:GetModelInvocationLoggingConfiguration");
  });
});
