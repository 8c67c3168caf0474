import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { bucket } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-log-bucket-sse-kms";

const withBuckets = (...buckets: ReturnType<typeof bucket>[]) =>
  inventoryWith((i) => {
    i.bedrock.loggingConfig = ok({
      s3Config: { bucketName: "logs" },
      cloudWatchConfig: {
        logGroupName: "/g",
        roleArn: "arn:aws:iam::111122223333:role/L",
        largeDataDeliveryS3Config: { bucketName: "large" },
      },
      textDataDeliveryEnabled: true,
    });
    i.s3.buckets = ok(buckets);
  });

describe("bedrock-invocation-log-bucket-sse-kms", () => {
  it("evaluates the S3 destination and the large-payload bucket, one finding each", () => {
    const findings = check.evaluate(
      withBuckets(bucket("logs"), bucket("large", { encryption: { algorithm: "AES256" } })),
      context,
    );
    expect(findings.map((f) => [f.resourceArn, f.status])).toEqual([
      ["arn:aws:s3:::logs", "PASS"],
      ["arn:aws:s3:::large", "FAIL"],
    ]);
    expect(findings[0]?.message).toContain("uses aws:kms with");
    expect(findings[1]?.message).toBe("Invocation-log bucket large uses AES256 (SSE-S3), not SSE-KMS");
  });

  it("fails a bucket without default encryption", () => {
    const findings = check.evaluate(withBuckets(bucket("logs", { encryption: null }), bucket("large")), context);
    expect(findings[0]?.status).toBe("FAIL");
    expect(findings[0]?.message).toContain("has no default encryption");
  });

  it("reports ERROR for a log bucket missing from the inventory", () => {
    const findings = check.evaluate(withBuckets(bucket("logs")), context);
    expect(findings[1]?.status).toBe("ERROR");
    expect(findings[1]?.message).toContain("large");
    expect(findings[1]?.message).toContain("not in the inventory");
  });

  it("is not applicable without an S3 destination", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ cloudWatchConfig: { logGroupName: "/g", roleArn: "arn:aws:iam::111122223333:role/L" } });
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("sends no invocation logs to S3");
  });

  it("reports ERROR when buckets could not be read", () => {
    const inv = withBuckets();
    inv.s3.buckets = denied("s3:GetEncryptionConfiguration");
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.status).toBe("ERROR");
    expect(findings[0]?.message).toContain("s3:GetEncryptionConfiguration");
  });
});
