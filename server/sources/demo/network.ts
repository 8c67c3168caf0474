import "server-only";
import type { SecurityGroup, SecurityGroupRule, Vpc, VpcEndpoint } from "@/server/inventory/network";
import type { DemoContext } from "./accounts";
import { ec2Id, roleArn } from "./arns";
import { PROD } from "./names";

/** What DescribeVpcEndpoints returns for an endpoint created without a policy. */
const AWS_DEFAULT_ENDPOINT_POLICY = { Statement: [{ Action: "*", Effect: "Allow", Principal: "*", Resource: "*" }] };

const tcp = (port: number, from: { cidr?: string; group?: string }): SecurityGroupRule => ({
  ipProtocol: "tcp",
  fromPort: port,
  toPort: port,
  ipv4Ranges: from.cidr ? [{ cidrIp: from.cidr }] : [],
  ipv6Ranges: [],
  prefixListIds: [],
  referencedGroupIds: from.group ? [from.group] : [],
});
const ALL_OUT: SecurityGroupRule = {
  ipProtocol: "-1",
  ipv4Ranges: [{ cidrIp: "0.0.0.0/0" }],
  ipv6Ranges: [],
  prefixListIds: [],
  referencedGroupIds: [],
};

type NetworkSpec = {
  vpc?: { name: string; cidr: string };
  /** Security groups of the non-default VPC: name → ingress rules (a `group` refers to another SG by name). */
  groups: Record<string, { port: number; cidr?: string; group?: string }[]>;
  endpoints: { service: string; type?: "Interface" | "Gateway"; privateDns?: boolean; policy?: unknown; group?: string }[];
};

function runtimePolicy(accountId: string, roles: string[]) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Sid: "InvokeFromWorkloadRoles",
        Effect: "Allow",
        Principal: { AWS: roles.map((r) => roleArn(accountId, r)) },
        Action: ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"],
        Resource: "*",
      },
    ],
  };
}

function specFor(ctx: DemoContext): NetworkSpec {
  const { id, key } = ctx.account;
  const use1 = ctx.region === "us-east-1";
  if (key === "prod") {
    const cidr = use1 ? "10.20.0.0/16" : "10.21.0.0/16";
    const roles = use1
      ? [PROD.roles.clinicalNotesTask, PROD.roles.triageLambda, PROD.roles.batchInference]
      : ["halcyon-eu-notes-api-task"];
    const interfaces = use1
      ? ["bedrock-runtime", "bedrock-agent-runtime", "bedrock", "logs", "kms", "sts"]
      : ["bedrock-runtime", "bedrock-agent-runtime", "logs"];
    return {
      vpc: { name: use1 ? "clinical-apps" : "clinical-apps-eu", cidr },
      groups: use1
        ? {
            "bedrock-endpoints": [{ port: 443, cidr }],
            "alb-public": [{ port: 443, cidr: "0.0.0.0/0" }],
            "clinical-notes-api": [{ port: 8080, group: "alb-public" }],
            "bedrock-jobs": [],
          }
        : { "bedrock-endpoints": [{ port: 443, cidr }] },
      endpoints: [
        ...interfaces.map((service) => ({
          service,
          group: "bedrock-endpoints",
          policy: service === "bedrock-runtime" ? runtimePolicy(id, roles) : AWS_DEFAULT_ENDPOINT_POLICY,
        })),
        { service: "s3", type: "Gateway" as const },
      ],
    };
  }
  if (key === "staging" && use1) {
    // Opened to "anything" while debugging a VPN issue; private DNS off so the old proxy config kept working.
    return {
      vpc: { name: "clinical-apps-stg", cidr: "10.40.0.0/16" },
      groups: {
        "bedrock-endpoints-stg": [
          { port: 443, cidr: "0.0.0.0/0" },
          { port: 80, cidr: "10.40.0.0/16" },
        ],
      },
      endpoints: [
        { service: "bedrock-runtime", privateDns: false, group: "bedrock-endpoints-stg" },
        { service: "s3", type: "Gateway" },
      ],
    };
  }
  if (key === "staging") return { vpc: { name: "experiments-eu-stg", cidr: "10.41.0.0/16" }, groups: {}, endpoints: [] };
  return { groups: {}, endpoints: [] };
}

export function networkFor(ctx: DemoContext): { vpcs: Vpc[]; vpcEndpoints: VpcEndpoint[]; securityGroups: SecurityGroup[] } {
  const { id } = ctx.account;
  const spec = specFor(ctx);
  const defaultVpc: Vpc = { vpcId: ec2Id("vpc", id, ctx.region, "default"), cidrBlocks: ["172.31.0.0/16"], isDefault: true };
  const vpcs = [defaultVpc];
  const defaultGroup = (vpcId: string, name: string): SecurityGroup => ({
    groupId: ec2Id("sg", id, ctx.region, `default-${name}`),
    groupName: "default",
    vpcId,
    ingress: [{ ...ALL_OUT, ipv4Ranges: [], referencedGroupIds: [ec2Id("sg", id, ctx.region, `default-${name}`)] }],
    egress: [ALL_OUT],
  });
  const securityGroups = [defaultGroup(defaultVpc.vpcId, "default")];
  const vpcEndpoints: VpcEndpoint[] = [];
  if (spec.vpc) {
    const vpcId = ec2Id("vpc", id, ctx.region, spec.vpc.name);
    const sg = (name: string) => ec2Id("sg", id, ctx.region, name);
    vpcs.push({ vpcId, cidrBlocks: [spec.vpc.cidr], isDefault: false });
    securityGroups.push(defaultGroup(vpcId, spec.vpc.name));
    for (const [name, rules] of Object.entries(spec.groups)) {
      const ingress = rules.map((r) => tcp(r.port, { cidr: r.cidr, group: r.group ? sg(r.group) : undefined }));
      securityGroups.push({ groupId: sg(name), groupName: name, vpcId, ingress, egress: [ALL_OUT] });
    }
    for (const e of spec.endpoints) {
      const type = e.type ?? "Interface";
      vpcEndpoints.push({
        vpcEndpointId: ec2Id("vpce", id, ctx.region, `${spec.vpc.name}/${e.service}`),
        vpcId,
        serviceName: `com.amazonaws.${ctx.region}.${e.service}`,
        vpcEndpointType: type,
        state: "available",
        privateDnsEnabled: type === "Interface" ? (e.privateDns ?? true) : false,
        policyDocument: e.policy ?? AWS_DEFAULT_ENDPOINT_POLICY,
        securityGroupIds: e.group ? [sg(e.group)] : [],
      });
    }
  }
  return { vpcs, vpcEndpoints, securityGroups };
}
