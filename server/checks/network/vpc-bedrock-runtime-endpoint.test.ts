import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { endpoint, vpc } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-bedrock-runtime-endpoint";

describe("vpc-bedrock-runtime-endpoint", () => {
  it("passes a VPC with an available endpoint and fails one without (default VPCs ignored)", () => {
    const inv = inventoryWith((i) => {
      i.ec2.vpcs = ok([vpc("vpc-1"), vpc("vpc-2"), vpc("vpc-default", ["172.31.0.0/16"], true)]);
      i.ec2.vpcEndpoints = ok([
        endpoint("vpce-1", "vpc-1", "bedrock-runtime"),
        endpoint("vpce-2", "vpc-2", "bedrock-runtime", { state: "Pending" }),
      ]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings).toHaveLength(2);
    expect(findings[0]?.status).toBe("PASS");
    expect(findings[0]?.message).toBe(
      "VPC vpc-1 has com.amazonaws.us-east-1.bedrock-runtime interface endpoint vpce-1 (available)",
    );
    expect(findings[1]?.status).toBe("FAIL");
    expect(findings[1]?.message).toBe(
      "VPC vpc-2 has no available interface endpoint for com.amazonaws.us-east-1.bedrock-runtime (vpce-2 is Pending)",
    );
  });

  it("does not count the control-plane bedrock endpoint", () => {
    const inv = inventoryWith((i) => {
      i.ec2.vpcs = ok([vpc("vpc-1")]);
      i.ec2.vpcEndpoints = ok([endpoint("vpce-1", "vpc-1", "bedrock")]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("FAIL");
  });

  it("is not applicable with only a default VPC, and ERRORs when VPCs could not be read", () => {
    const only = inventoryWith((i) => void (i.ec2.vpcs = ok([vpc("vpc-default", ["172.31.0.0/16"], true)])));
    expect(check.evaluate(only, context)[0]?.status).toBe("NOT_APPLICABLE");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.ec2.vpcs = denied("ec2:DescribeVpcs"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("ec2:DescribeVpcs");
  });
});
