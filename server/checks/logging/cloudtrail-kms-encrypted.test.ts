import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { trail } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./cloudtrail-kms-encrypted";

describe("cloudtrail-kms-encrypted", () => {
  it("passes a trail with a KMS key and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([
        trail("org", { kmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/k" }),
        trail("plain", { isLogging: false }),
      ]);
    });
    const [good, bad] = check.evaluate(inv, context);
    expect(good?.status).toBe("PASS");
    expect(good?.message).toContain("KMS key arn:aws:kms:us-east-1:111122223333:key/k");
    expect(bad?.status).toBe("FAIL");
    expect(bad?.message).toBe(
      "CloudTrail multi-region trail plain (not logging) does not encrypt its log files with a KMS key (SSE-S3 only)",
    );
  });

  it("is not applicable when no trail covers the region", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when trails could not be described", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = denied("cloudtrail:DescribeTrails");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("cloudtrail:DescribeTrails");
  });
});
