import "server-only";
import { z } from "zod";
import { partSchema } from "./part";

export const vpcSchema = z.object({
  vpcId: z.string(),
  cidrBlocks: z.array(z.string()),
  isDefault: z.boolean(),
});
export type Vpc = z.infer<typeof vpcSchema>;

export const vpcEndpointSchema = z.object({
  vpcEndpointId: z.string(),
  vpcId: z.string(),
  serviceName: z.string(),
  vpcEndpointType: z.enum(["Interface", "Gateway", "GatewayLoadBalancer", "Resource", "ServiceNetwork"]),
  state: z.string(),
  privateDnsEnabled: z.boolean(),
  /** Raw JSON policy document; AWS returns a full-access default when none was set. */
  policyDocument: z.unknown().optional(),
  securityGroupIds: z.array(z.string()),
});
export type VpcEndpoint = z.infer<typeof vpcEndpointSchema>;

const ipRange = z.object({ cidrIp: z.string() });
export const securityGroupRuleSchema = z.object({
  ipProtocol: z.string(),
  fromPort: z.number().optional(),
  toPort: z.number().optional(),
  ipv4Ranges: z.array(ipRange),
  ipv6Ranges: z.array(z.object({ cidrIpv6: z.string() })),
  prefixListIds: z.array(z.string()),
  referencedGroupIds: z.array(z.string()),
});
export type SecurityGroupRule = z.infer<typeof securityGroupRuleSchema>;

export const securityGroupSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  vpcId: z.string(),
  ingress: z.array(securityGroupRuleSchema),
  egress: z.array(securityGroupRuleSchema),
});
export type SecurityGroup = z.infer<typeof securityGroupSchema>;

export const ec2InventorySchema = z.object({
  vpcs: partSchema(z.array(vpcSchema)),
  vpcEndpoints: partSchema(z.array(vpcEndpointSchema)),
  securityGroups: partSchema(z.array(securityGroupSchema)),
});
