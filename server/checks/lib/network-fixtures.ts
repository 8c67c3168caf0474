import "server-only";
import type { SecurityGroup, SecurityGroupRule, Vpc, VpcEndpoint } from "@/server/inventory/network";

// Test fixtures for network checks (region us-east-1).

export function vpc(vpcId: string, cidrBlocks = ["10.0.0.0/16"], isDefault = false): Vpc {
  return { vpcId, cidrBlocks, isDefault };
}

export function endpoint(id: string, vpcId: string, service: string, extra: Partial<VpcEndpoint> = {}): VpcEndpoint {
  return {
    vpcEndpointId: id,
    vpcId,
    serviceName: `com.amazonaws.us-east-1.${service}`,
    vpcEndpointType: service === "s3" ? "Gateway" : "Interface",
    state: "available",
    privateDnsEnabled: true,
    securityGroupIds: [],
    ...extra,
  };
}

export function rule(
  ipProtocol: string,
  fromPort: number | undefined,
  toPort: number | undefined,
  cidrs: string[],
  extra: Partial<SecurityGroupRule> = {},
): SecurityGroupRule {
  return {
    ipProtocol,
    ...(fromPort === undefined ? {} : { fromPort }),
    ...(toPort === undefined ? {} : { toPort }),
    ipv4Ranges: cidrs.map((cidrIp) => ({ cidrIp })),
    ipv6Ranges: [],
    prefixListIds: [],
    referencedGroupIds: [],
    ...extra,
  };
}

export function securityGroup(groupId: string, vpcId: string, ingress: SecurityGroupRule[]): SecurityGroup {
  return { groupId, groupName: groupId, vpcId, ingress, egress: [] };
}
