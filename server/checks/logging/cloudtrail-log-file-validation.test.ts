import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { trail } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./cloudtrail-log-file-validation";

describe("cloudtrail-log-file-validation", () => {
  it("gives one finding per covering trail", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([
        trail("org"),
        trail("audit", { isMultiRegionTrail: false, logFileValidationEnabled: false }),
        trail("elsewhere", { isMultiRegionTrail: false, homeRegion: "eu-west-1", logFileValidationEnabled: false }),
      ]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings.map((f) => [f.resourceArn, f.status])).toEqual([
      [trail("org").arn, "PASS"],
      [trail("audit").arn, "FAIL"],
    ]);
    expect(findings[1]?.message).toContain("trail audit has log file validation disabled");
  });

  it("is not applicable when no trail covers the region", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toContain("No CloudTrail trail covers us-east-1");
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
