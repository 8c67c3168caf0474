import "server-only";
import { type FakeAws, page } from "./fake-aws";

/** EC2 Query responses: lowerCamel element names and <item> lists, unlike IAM's <member>. */
export function addEc2(fake: FakeAws): FakeAws {
  const vpcs = ["vpc-1", "vpc-2", "vpc-3"];
  return fake
    .on("ec2", "DescribeVpcs", (r) => {
      const p = page(vpcs, r.input.NextToken, 2);
      return {
        vpcSet: p.items
          .map((id) => vpcs.indexOf(id))
          .map((i) => ({
            vpcId: `vpc-${i + 1}`,
            cidrBlock: `10.${i}.0.0/16`,
            isDefault: i === 0 ? "true" : "false",
            state: "available",
            cidrBlockAssociationSet: [
              { cidrBlock: `10.${i}.0.0/16`, associationId: "a" },
              ...(i === 1 ? [{ cidrBlock: "100.64.0.0/16", associationId: "b" }] : []),
            ],
          })),
        nextToken: p.next,
      };
    })
    .on("ec2", "DescribeVpcEndpoints", () => ({
      vpcEndpointSet: [
        {
          vpcEndpointId: "vpce-1",
          vpcId: "vpc-2",
          serviceName: "com.amazonaws.us-east-1.bedrock-runtime",
          vpcEndpointType: "Interface",
          state: "available",
          privateDnsEnabled: "true",
          policyDocument: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }] }),
          groupSet: [{ groupId: "sg-1", groupName: "endpoints" }],
        },
        {
          vpcEndpointId: "vpce-2",
          vpcId: "vpc-2",
          serviceName: "com.amazonaws.us-east-1.s3",
          vpcEndpointType: "Gateway",
          state: "available",
          privateDnsEnabled: "false",
          policyDocument: "{broken",
        },
      ],
    }))
    .on("ec2", "DescribeSecurityGroups", () => ({
      securityGroupInfo: [
        {
          groupId: "sg-1",
          groupName: "endpoints",
          vpcId: "vpc-2",
          ownerId: "111122223333",
          groupDescription: "d",
          ipPermissions: [
            {
              ipProtocol: "tcp",
              fromPort: 443,
              toPort: 443,
              ipRanges: [{ cidrIp: "0.0.0.0/0" }],
              ipv6Ranges: [{ cidrIpv6: "::/0" }],
              groups: [{ groupId: "sg-2", userId: "111122223333" }],
              prefixListIds: [{ prefixListId: "pl-1" }],
            },
          ],
          ipPermissionsEgress: [{ ipProtocol: "-1", ipRanges: [{ cidrIp: "0.0.0.0/0" }] }],
        },
      ],
    }));
}
