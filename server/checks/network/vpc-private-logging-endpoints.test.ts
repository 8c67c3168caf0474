import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { endpoint, vpc } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-private-logging-endpoints";

describe("vpc-private-logging-endpoints", () => {
  it("passes a VPC with logs and S3 endpoints and fails one missing them", () => {
    const inv = inventoryWith((i) => {
      i.ec2.vpcs = ok([vpc("vpc-1"), vpc("vpc-2"), vpc("vpc-3")]);
      i.ec2.vpcEndpoints = ok([
        endpoint("vpce-r1", "vpc-1", "bedrock-runtime"),
        endpoint("vpce-l1", "vpc-1", "logs"),
        endpoint("vpce-s1", "vpc-1", "s3"),
        endpoint("vpce-r2", "vpc-2", "bedrock-runtime"),
        endpoint("vpce-l2", "vpc-2", "logs"),
      ]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.status).toBe("PASS");
    expect(findings[0]?.message).toBe("VPC vpc-1 has logs (vpce-l1) and S3 (vpce-s1) endpoints");
    expect(findings[1]?.status).toBe("FAIL");
    expect(findings[1]?.message).toBe("VPC vpc-2 has a Bedrock runtime endpoint but lacks an S3 endpoint");
  });

  it("is not applicable when no VPC has a bedrock-runtime endpoint, and ERRORs when VPCs could not be read", () => {
    expect(
      check.evaluate(
        inventoryWith((i) => void (i.ec2.vpcs = ok([vpc("vpc-1")]))),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.ec2.vpcs = denied("ec2:DescribeVpcs"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("ec2:DescribeVpcs");
  });
});
