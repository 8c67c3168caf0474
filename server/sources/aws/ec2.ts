import "server-only";
import {
  paginateDescribeSecurityGroups,
  paginateDescribeVpcEndpoints,
  paginateDescribeVpcs,
  type EC2Client,
  type IpPermission,
} from "@aws-sdk/client-ec2";
import type { Part } from "@/server/inventory/part";
import { collectPart } from "./errors";
import { drain, type CollectContext } from "./collect-kit";

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Kept raw so the endpoint-policy check can quote what did not parse.
    return text;
  }
}

const rule = (p: IpPermission) => ({
  ipProtocol: p.IpProtocol,
  fromPort: p.FromPort,
  toPort: p.ToPort,
  ipv4Ranges: (p.IpRanges ?? []).map((r) => ({ cidrIp: r.CidrIp })),
  ipv6Ranges: (p.Ipv6Ranges ?? []).map((r) => ({ cidrIpv6: r.CidrIpv6 })),
  prefixListIds: (p.PrefixListIds ?? []).flatMap((r) => (r.PrefixListId === undefined ? [] : [r.PrefixListId])),
  referencedGroupIds: (p.UserIdGroupPairs ?? []).flatMap((r) => (r.GroupId === undefined ? [] : [r.GroupId])),
});

type Ec2Section = { vpcs: Part<unknown>; vpcEndpoints: Part<unknown>; securityGroups: Part<unknown> };

export async function collectEc2(clients: { ec2: EC2Client }, _ctx: CollectContext): Promise<Ec2Section> {
  const client = clients.ec2;
  const [vpcs, vpcEndpoints, securityGroups] = await Promise.all([
    collectPart("ec2:DescribeVpcs", async () =>
      (await drain(paginateDescribeVpcs({ client }, {}), (p) => p.Vpcs)).map((v) => ({
        vpcId: v.VpcId,
        // Secondary CIDRs only appear in the association set; the top-level CidrBlock is the primary.
        cidrBlocks:
          v.CidrBlockAssociationSet?.flatMap((a) => (a.CidrBlock === undefined ? [] : [a.CidrBlock])) ??
          (v.CidrBlock === undefined ? [] : [v.CidrBlock]),
        isDefault: v.IsDefault === true,
      })),
    ),
    collectPart("ec2:DescribeVpcEndpoints", async () =>
      (await drain(paginateDescribeVpcEndpoints({ client }, {}), (p) => p.VpcEndpoints)).map((e) => ({
        vpcEndpointId: e.VpcEndpointId,
        vpcId: e.VpcId,
        serviceName: e.ServiceName,
        vpcEndpointType: e.VpcEndpointType,
        state: e.State,
        privateDnsEnabled: e.PrivateDnsEnabled === true,
        policyDocument: parseJson(e.PolicyDocument),
        securityGroupIds: (e.Groups ?? []).flatMap((g) => (g.GroupId === undefined ? [] : [g.GroupId])),
      })),
    ),
    collectPart("ec2:DescribeSecurityGroups", async () =>
      (await drain(paginateDescribeSecurityGroups({ client }, {}), (p) => p.SecurityGroups)).map((g) => ({
        groupId: g.GroupId,
        groupName: g.GroupName,
        vpcId: g.VpcId,
        ingress: (g.IpPermissions ?? []).map(rule),
        egress: (g.IpPermissionsEgress ?? []).map(rule),
      })),
    ),
  ]);
  return { vpcs, vpcEndpoints, securityGroups };
}
