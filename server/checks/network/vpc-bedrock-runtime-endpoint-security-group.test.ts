import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import type { SecurityGroup } from "@/server/inventory/network";
import { endpoint, rule, securityGroup, vpc } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-bedrock-runtime-endpoint-security-group";

const withGroups = (...groups: SecurityGroup[]) =>
  inventoryWith((i) => {
    i.ec2.vpcs = ok([vpc("vpc-1", ["10.0.0.0/16"])]);
    i.ec2.vpcEndpoints = ok([endpoint("vpce-1", "vpc-1", "bedrock-runtime", { securityGroupIds: groups.map((g) => g.groupId) })]);
    i.ec2.securityGroups = ok(groups);
  });

describe("vpc-bedrock-runtime-endpoint-security-group", () => {
  it("passes 443 from inside the VPC and from a referenced group", () => {
    const sg = securityGroup("sg-1", "vpc-1", [
      rule("tcp", 443, 443, ["10.0.4.0/24"]),
      rule("tcp", 443, 443, [], { referencedGroupIds: ["sg-app"] }),
    ]);
    const [f] = check.evaluate(withGroups(sg), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(
      "Endpoint vpce-1 (VPC vpc-1) accepts only HTTPS (443) from inside the VPC (10.0.0.0/16); security groups: sg-1",
    );
  });

  it("fails 443 from 0.0.0.0/0, other ports, and all traffic", () => {
    const sg = securityGroup("sg-2", "vpc-1", [
      rule("tcp", 443, 443, ["0.0.0.0/0"]),
      rule("tcp", 22, 22, ["10.0.0.0/16"]),
      rule("-1", undefined, undefined, ["10.0.0.0/16"]),
    ]);
    const [f] = check.evaluate(withGroups(sg), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("sg-2 allows 443 from 0.0.0.0/0, outside the VPC's CIDR blocks");
    expect(f?.message).toContain("sg-2 allows TCP port 22 (not only 443) from 10.0.0.0/16");
    expect(f?.message).toContain("sg-2 allows all traffic from 10.0.0.0/16");
  });

  it("reports ERROR for a security group missing from the inventory or a prefix-list source", () => {
    const missing = inventoryWith((i) => {
      i.ec2.vpcs = ok([vpc("vpc-1")]);
      i.ec2.vpcEndpoints = ok([endpoint("vpce-1", "vpc-1", "bedrock-runtime", { securityGroupIds: ["sg-gone"] })]);
    });
    expect(check.evaluate(missing, context)[0]?.message).toBe(
      "Could not evaluate Endpoint vpce-1 (VPC vpc-1): security group sg-gone not in the inventory",
    );
    const pl = securityGroup("sg-3", "vpc-1", [rule("tcp", 443, 443, [], { prefixListIds: ["pl-123"] })]);
    const [f] = check.evaluate(withGroups(pl), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("prefix list pl-123");
  });

  it("is not applicable without a bedrock-runtime endpoint, and ERRORs when groups could not be read", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.ec2.securityGroups = denied("ec2:DescribeSecurityGroups"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("ec2:DescribeSecurityGroups");
  });
});
