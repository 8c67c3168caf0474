import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { agent, arnOf, bucket, kmsKey, logGroup } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-kms-key-rotation";

describe("bedrock-kms-key-rotation", () => {
  it("evaluates keys of Bedrock resources and of invocation-log destinations, once per key", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([
        agent("a", { customerEncryptionKeyArn: arnOf("kms", "key/k-agent") }),
        agent("b", { customerEncryptionKeyArn: "k-agent" }),
      ]);
      i.bedrock.loggingConfig = ok({
        cloudWatchConfig: { logGroupName: "/bedrock/inv", roleArn: "arn:aws:iam::111122223333:role/L" },
        s3Config: { bucketName: "logs" },
      });
      i.logs.logGroups = ok([logGroup("/bedrock/inv", { kmsKeyId: arnOf("kms", "key/k-logs") })]);
      i.s3.buckets = ok([bucket("logs", { encryption: { algorithm: "aws:kms", kmsMasterKeyId: arnOf("kms", "key/k-logs") } })]);
      i.kms.keys = ok([kmsKey("k-agent"), kmsKey("k-logs", { rotationEnabled: false })]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings.map((f) => [f.resourceArn, f.status])).toEqual([
      [arnOf("kms", "key/k-agent"), "PASS"],
      [arnOf("kms", "key/k-logs"), "FAIL"],
    ]);
    expect(findings[0]?.message).toBe("KMS key k-agent (used by agent a, agent b) has automatic rotation enabled");
    expect(findings[1]?.message).toBe(
      "KMS key k-logs (used by invocation log group /bedrock/inv, invocation log bucket logs) does not rotate automatically",
    );
  });

  it("includes batch job output keys and says AWS managed keys rotate on their own", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.batchJobs = ok([
        {
          jobArn: arnOf("bedrock", "model-invocation-job/j"),
          jobName: "nightly",
          status: "Completed",
          outputS3Uri: "s3://b/",
          outputS3EncryptionKeyId: "k-aws",
          submitTime: "2026-10-01T00:00:00Z",
        },
      ]);
      i.kms.keys = ok([kmsKey("k-aws", { keyManager: "AWS", rotationEnabled: false })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("AWS managed");
  });

  it("reports ERROR for a key missing from the inventory", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent("a", { customerEncryptionKeyArn: "alias/bedrock" })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("KMS key alias/bedrock (used by agent a) is not in the inventory");
  });

  it("is not applicable when nothing names a key", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("does not need log groups when logging has no CloudWatch destination", () => {
    const inv = inventoryWith((i) => {
      i.logs.logGroups = denied("logs:DescribeLogGroups");
      i.bedrock.agents = ok([agent("a", { customerEncryptionKeyArn: "k1" })]);
      i.kms.keys = ok([kmsKey("k1")]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("reports ERROR when a needed part is unavailable", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ cloudWatchConfig: { logGroupName: "/g", roleArn: "arn:aws:iam::111122223333:role/L" } });
      i.logs.logGroups = denied("logs:DescribeLogGroups");
      i.kms.keys = denied("kms:GetKeyRotationStatus");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("kms:GetKeyRotationStatus");
  });
});
