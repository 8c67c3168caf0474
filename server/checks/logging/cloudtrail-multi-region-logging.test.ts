import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { trail } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./cloudtrail-multi-region-logging";

describe("cloudtrail-multi-region-logging", () => {
  it("passes with a logging multi-region trail homed elsewhere", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([trail("org", { homeRegion: "eu-west-1" })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("us-east-1 is recorded by multi-region trail org");
  });

  it("passes with a single-region trail homed in the region", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([trail("local", { isMultiRegionTrail: false })]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("fails when the only covering trail is stopped", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([trail("org", { isLogging: false })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("stopped");
  });

  it("fails when the only trail is single-region elsewhere", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([trail("eu", { isMultiRegionTrail: false, homeRegion: "eu-west-1" })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
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
