import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { endpoint } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-bedrock-runtime-endpoint-private-dns";

describe("vpc-bedrock-runtime-endpoint-private-dns", () => {
  it("passes an endpoint with private DNS and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.ec2.vpcEndpoints = ok([
        endpoint("vpce-1", "vpc-1", "bedrock-runtime"),
        endpoint("vpce-2", "vpc-2", "bedrock-runtime", { privateDnsEnabled: false }),
      ]);
    });
    const [on, off] = check.evaluate(inv, context);
    expect(on?.status).toBe("PASS");
    expect(on?.resourceArn).toBe("arn:aws:ec2:us-east-1:111122223333:vpc-endpoint/vpce-1");
    expect(off?.status).toBe("FAIL");
    expect(off?.message).toBe(
      "Endpoint vpce-2 (VPC vpc-2) has private DNS disabled: SDKs keep resolving the public Bedrock endpoint",
    );
  });

  it("is not applicable without a bedrock-runtime endpoint, and ERRORs when endpoints could not be read", () => {
    const other = inventoryWith((i) => void (i.ec2.vpcEndpoints = ok([endpoint("vpce-9", "vpc-1", "logs")])));
    expect(check.evaluate(other, context)[0]?.status).toBe("NOT_APPLICABLE");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.ec2.vpcEndpoints = denied("ec2:DescribeVpcEndpoints"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("ec2:DescribeVpcEndpoints");
  });
});
