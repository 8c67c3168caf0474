import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ec2InventorySchema } from "@/server/inventory/network";
import type { AwsClients } from "./clients";
import { collectEc2 } from "./ec2";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { addEc2 } from "./testing/ec2-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };

beforeEach(async () => {
  fake = addEc2(new FakeAws());
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("collectEc2", () => {
  it("pages VPCs and maps endpoints and security group rules from EC2's XML", async () => {
    const parsed = ec2InventorySchema.parse(await collectEc2(clients, ctx));
    expect(parsed.vpcs).toEqual({
      status: "ok",
      data: [
        { vpcId: "vpc-1", cidrBlocks: ["10.0.0.0/16"], isDefault: true },
        { vpcId: "vpc-2", cidrBlocks: ["10.1.0.0/16", "100.64.0.0/16"], isDefault: false },
        { vpcId: "vpc-3", cidrBlocks: ["10.2.0.0/16"], isDefault: false },
      ],
    });
    expect(parsed.vpcEndpoints).toMatchObject({
      status: "ok",
      data: [
        {
          vpcEndpointId: "vpce-1",
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          securityGroupIds: ["sg-1"],
          policyDocument: { Statement: [{ Principal: "*" }] },
        },
        {
          vpcEndpointId: "vpce-2",
          vpcEndpointType: "Gateway",
          privateDnsEnabled: false,
          securityGroupIds: [],
          policyDocument: "{broken",
        },
      ],
    });
    expect(parsed.securityGroups).toEqual({
      status: "ok",
      data: [
        {
          groupId: "sg-1",
          groupName: "endpoints",
          vpcId: "vpc-2",
          ingress: [
            {
              ipProtocol: "tcp",
              fromPort: 443,
              toPort: 443,
              ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }],
              ipv6Ranges: [{ cidrIpv6: "::/0" }],
              prefixListIds: ["pl-1"],
              referencedGroupIds: ["sg-2"],
            },
          ],
          egress: [
            {
              ipProtocol: "-1",
              ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }],
              ipv6Ranges: [],
              prefixListIds: [],
              referencedGroupIds: [],
            },
          ],
        },
      ],
    });
  });

  it("UnauthorizedOperation names the EC2 action; RequestLimitExceeded is retried", async () => {
    fake.fault("ec2", "DescribeVpcEndpoints", "denied");
    fake.fault("ec2", "DescribeVpcs", "throttle", 1);
    const section = await collectEc2(clients, ctx);
    expect(section.vpcEndpoints).toMatchObject({
      status: "unavailable",
      action: "ec2:DescribeVpcEndpoints",
      reason: expect.stringContaining("UnauthorizedOperation"),
    });
    expect(section.vpcs.status).toBe("ok");
  });
});
