import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { bucket } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-invocation-log-bucket-hardened";

const withBucket = (b: ReturnType<typeof bucket>) =>
  inventoryWith((i) => {
    i.bedrock.loggingConfig = ok({ s3Config: { bucketName: b.name }, textDataDeliveryEnabled: true });
    i.s3.buckets = ok([b]);
  });

describe("bedrock-invocation-log-bucket-hardened", () => {
  it("passes a private, versioned bucket with access logging", () => {
    const [f] = check.evaluate(withBucket(bucket("logs")), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("server access logging");
  });

  it("passes with Object Lock instead of access logging", () => {
    const [f] = check.evaluate(withBucket(bucket("logs", { accessLoggingEnabled: false, objectLockEnabled: true })), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Object Lock");
  });

  it("fails and lists every missing control", () => {
    const weak = bucket("logs", {
      publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: false, restrictPublicBuckets: true },
      versioning: "Suspended",
      accessLoggingEnabled: false,
      objectLockEnabled: false,
    });
    const [f] = check.evaluate(withBucket(weak), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "Invocation-log bucket logs lacks a full public access block, versioning (it is Suspended) and Object Lock or server access logging",
    );
  });

  it("fails a bucket without any public access block", () => {
    const [f] = check.evaluate(withBucket(bucket("logs", { publicAccessBlock: null })), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("public access block");
  });

  it("is not applicable when logging is not configured", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when buckets could not be read", () => {
    const inv = withBucket(bucket("logs"));
    inv.s3.buckets = denied("s3:GetBucketVersioning");
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("s3:GetBucketVersioning");
  });
});
