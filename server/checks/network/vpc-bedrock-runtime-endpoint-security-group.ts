import "server-only";
import type { Inventory } from "@/server/inventory";
import type { SecurityGroup, SecurityGroupRule, Vpc, VpcEndpoint } from "@/server/inventory/network";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { cidrWithin } from "../lib/network-cidr";
import { endpointArn, runtimeEndpoints } from "../lib/network-endpoints";

const HTTPS = 443;

type Review = { violations: string[]; unknowns: string[] };

function portsText(r: SecurityGroupRule): string {
  if (r.fromPort === undefined || r.toPort === undefined || r.fromPort === -1) return "all ports";
  return r.fromPort === r.toPort ? `port ${r.fromPort}` : `ports ${r.fromPort}-${r.toPort}`;
}

function reviewRule(sg: SecurityGroup, r: SecurityGroupRule, vpcCidrs: readonly string[], out: Review): void {
  const protocol = r.ipProtocol.toLowerCase();
  const sources = [
    ...r.ipv4Ranges.map((x) => x.cidrIp),
    ...r.ipv6Ranges.map((x) => x.cidrIpv6),
    ...r.prefixListIds,
    ...r.referencedGroupIds,
  ];
  const from = sources.join(", ") || "no source";
  if (protocol === "-1" || protocol === "all") {
    out.violations.push(`${sg.groupId} allows all traffic from ${from}`);
    return;
  }
  if (protocol !== "tcp" && protocol !== "6") {
    out.violations.push(`${sg.groupId} allows ${r.ipProtocol} ${portsText(r)} from ${from}`);
    return;
  }
  if (r.fromPort !== HTTPS || r.toPort !== HTTPS) {
    out.violations.push(`${sg.groupId} allows TCP ${portsText(r)} (not only 443) from ${from}`);
    return;
  }
  for (const cidr of [...r.ipv4Ranges.map((x) => x.cidrIp), ...r.ipv6Ranges.map((x) => x.cidrIpv6)]) {
    if (!vpcCidrs.some((block) => cidrWithin(cidr, block)))
      out.violations.push(`${sg.groupId} allows 443 from ${cidr}, outside the VPC's CIDR blocks`);
  }
  // A prefix list's CIDRs are not in the inventory; a referenced group is a set of network interfaces, not a range.
  for (const pl of r.prefixListIds)
    out.unknowns.push(`${sg.groupId} allows 443 from prefix list ${pl}, whose CIDRs are not in the inventory`);
}

function evaluateEndpoint(e: VpcEndpoint, vpcs: readonly Vpc[], groups: readonly SecurityGroup[], inv: Inventory): FindingDraft {
  const arn = endpointArn(e, inv);
  const where = `Endpoint ${e.vpcEndpointId} (VPC ${e.vpcId})`;
  const vpc = vpcs.find((v) => v.vpcId === e.vpcId);
  const missing = e.securityGroupIds.filter((id) => !groups.some((g) => g.groupId === id));
  if (!vpc || missing.length > 0) {
    const what = [...(vpc ? [] : [`VPC ${e.vpcId}`]), ...missing.map((id) => `security group ${id}`)];
    return draft(arn, "ERROR", `Could not evaluate ${where}: ${what.join(", ")} not in the inventory`, {
      securityGroupIds: e.securityGroupIds,
    });
  }
  const attached = groups.filter((g) => e.securityGroupIds.includes(g.groupId));
  const review: Review = { violations: [], unknowns: [] };
  for (const sg of attached) for (const r of sg.ingress) reviewRule(sg, r, vpc.cidrBlocks, review);
  const evidence = {
    vpcCidrBlocks: vpc.cidrBlocks,
    securityGroups: attached.map((g) => ({ groupId: g.groupId, ingress: g.ingress })),
  };
  if (review.violations.length > 0) return draft(arn, "FAIL", `${where}: ${review.violations.join("; ")}`, evidence);
  if (review.unknowns.length > 0)
    return draft(arn, "ERROR", `Could not evaluate ${where}: ${review.unknowns.join("; ")}`, evidence);
  const ids = attached.map((g) => g.groupId).join(", ") || "none";
  return draft(
    arn,
    "PASS",
    `${where} accepts only HTTPS (443) from inside the VPC (${vpc.cidrBlocks.join(", ")}); security groups: ${ids}`,
    evidence,
  );
}

export default defineCheck({
  id: "vpc-bedrock-runtime-endpoint-security-group",
  title: "Bedrock runtime endpoint security groups allow only HTTPS from the VPC",
  severity: "medium",
  category: "Network",
  scope: "region",
  rationale:
    "The security group on an interface endpoint decides which networks can reach it. Bedrock runtime only needs HTTPS (443); " +
    "other ports, or 443 from 0.0.0.0/0 or from peered and on-premises ranges outside the VPC, widen who can send prompts " +
    "through the endpoint. Rules that reference other security groups are accepted; prefix lists cannot be evaluated and " +
    "are reported as errors.",
  remediation: {
    console: [
      "Open the Amazon VPC console, choose Endpoints, select the endpoint named in the finding and open the Security groups tab.",
      "Edit the inbound rules of each group: keep a single rule for TCP 443 from the VPC CIDR block(s) (or from the application's security group).",
      "Remove rules for other ports and for sources outside the VPC.",
    ],
    cli: `aws ec2 revoke-security-group-ingress --group-id sg-0ccc3333 --protocol tcp --port 443 --cidr 0.0.0.0/0
aws ec2 authorize-security-group-ingress --group-id sg-0ccc3333 --protocol tcp --port 443 --cidr 10.0.0.0/16`,
    terraform: `resource "aws_security_group" "bedrock_endpoint" {
  name   = "bedrock-runtime-endpoint"
  vpc_id = aws_vpc.main.id
}

resource "aws_vpc_security_group_ingress_rule" "https_from_vpc" {
  security_group_id = aws_security_group.bedrock_endpoint.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = aws_vpc.main.cidr_block
}`,
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "ec2");
    const parts = {
      vpcs: inventory.ec2.vpcs,
      vpcEndpoints: inventory.ec2.vpcEndpoints,
      securityGroups: inventory.ec2.securityGroups,
    };
    return withParts(arn, parts, ({ vpcs, vpcEndpoints, securityGroups }) => {
      const runtime = runtimeEndpoints(vpcEndpoints, inventory);
      if (runtime.length === 0)
        return [draft(arn, "NOT_APPLICABLE", `No bedrock-runtime interface endpoint in ${inventory.region}`, { endpoints: 0 })];
      return runtime.map((e) => evaluateEndpoint(e, vpcs, securityGroups, inventory));
    });
  },
});
