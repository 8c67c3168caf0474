import "server-only";
import type { Inventory } from "@/server/inventory";
import type { VpcEndpoint } from "@/server/inventory/network";
import { asList, type PolicyStatement } from "@/server/inventory/policy-document";
import { defineCheck, regionArn, withParts, type CheckSettings, type FindingDraft } from "../define-check";
import { draft, guarded } from "../lib/iam-findings";
import { grantsEvidence, grantsText, unique } from "../lib/iam-grants";
import { parsePolicy, type ParsedPolicy } from "../lib/iam-policy";
import { foundationModelProbe, inferenceProfileProbe } from "../lib/iam-probes";
import { isAllowed, type DecidingStatement } from "../lib/iam-simulate";
import { endpointArn, runtimeEndpoints } from "../lib/network-endpoints";

const ALLOW_ALL = {
  name: "identity allows everything",
  kind: "identity",
  statements: [{ Effect: "Allow", Action: "*", Resource: "*" }],
} satisfies ParsedPolicy;

function untrustedAccount(trusted: ReadonlySet<string>): string {
  for (let n = 999999999999; ; n -= 1) if (!trusted.has(String(n))) return String(n);
}

function everyone(s: PolicyStatement): boolean {
  const p = s.Principal;
  return p === "*" || (p !== undefined && asList(p.AWS).includes("*"));
}

/**
 * Asks the simulator, with the endpoint policy as the resource policy and a caller whose own
 * policies allow everything (in another account than the "resource", so only the endpoint
 * policy can admit it), whether the call gets through.
 */
function admits(policy: ParsedPolicy, e: VpcEndpoint, principal: string, account: string, action: string, resource: string) {
  return isAllowed({
    principal,
    action,
    resource,
    resourceAccount: account === "000000000000" ? "000000000001" : "000000000000",
    identityPolicies: [ALLOW_ALL],
    resourcePolicy: policy,
    context: {
      "aws:PrincipalArn": principal,
      "aws:PrincipalAccount": account,
      // A caller outside the organization: an org-wide condition keeps it out, as it should.
      "aws:PrincipalOrgID": "o-strataprobe00",
      "aws:SourceVpce": e.vpcEndpointId,
      "aws:SourceVpc": e.vpcId,
      "aws:SecureTransport": "true",
    },
  });
}

function evaluateEndpoint(e: VpcEndpoint, inv: Inventory, settings: CheckSettings): FindingDraft {
  const arn = endpointArn(e, inv);
  const where = `Endpoint ${e.vpcEndpointId} (VPC ${e.vpcId})`;
  if (e.policyDocument === undefined || e.policyDocument === null) {
    return draft(arn, "FAIL", `${where} has no endpoint policy, so the AWS default applies: full access for every principal`, {
      policyDocument: null,
    });
  }
  const parsed = parsePolicy(e.policyDocument, `endpoint policy of ${e.vpcEndpointId}`, "endpoint");
  if (!parsed.ok)
    return draft(arn, "ERROR", `Could not evaluate ${where}: ${parsed.error}`, { policyDocument: e.policyDocument });
  const policy = parsed.policy;
  const problems: string[] = [];
  const offending: DecidingStatement[] = [];

  const own = inv.accountId;
  const probe = `arn:${inv.partition}:strataprobe:${inv.region}:${own}:probe/unlisted`;
  const full = admits(policy, e, `arn:${inv.partition}:iam::${own}:role/strata-probe`, own, "strataprobe:UnlistedAction", probe);
  const wideOpen = full.allowedBy.filter((s) => everyone(s.statement) && !s.statement.Condition);
  if (full.allowed && wideOpen.length > 0) {
    problems.push(`it allows every action to every principal with no condition (${grantsText(wideOpen)})`);
    offending.push(...wideOpen);
  }

  const outsider = untrustedAccount(new Set([own, ...settings.trustedAccountIds]));
  const caller = `arn:${inv.partition}:iam::${outsider}:role/strata-untrusted-probe`;
  const w = { partition: inv.partition, region: inv.region, accountId: outsider };
  const requests = [
    { action: "bedrock:InvokeModel", resource: foundationModelProbe(w) },
    { action: "bedrock:InvokeModel", resource: inferenceProfileProbe(w) },
    { action: "bedrock:InvokeModelWithResponseStream", resource: foundationModelProbe(w) },
  ];
  const outsiderGrants = requests.flatMap(({ action, resource }) => {
    const r = admits(policy, e, caller, outsider, action, resource);
    return r.allowed ? r.allowedBy : [];
  });
  if (outsiderGrants.length > 0) {
    problems.push(
      `it lets principals of accounts that are neither this account nor trusted invoke models through the endpoint (${grantsText(outsiderGrants, "resource")})`,
    );
    offending.push(...outsiderGrants);
  }
  if (problems.length > 0)
    return draft(arn, "FAIL", `${where}: ${problems.join("; ")}`, { statements: grantsEvidence(unique(offending)) });
  return draft(
    arn,
    "PASS",
    `${where} has a policy that admits only this account and trusted accounts and does not grant every action to everyone`,
    {
      policy: policy.statements,
    },
  );
}

export default defineCheck({
  id: "vpc-bedrock-runtime-endpoint-policy",
  title: "Bedrock runtime endpoint policies restrict who may use them",
  severity: "high",
  category: "Network",
  scope: "region",
  rationale:
    'An interface endpoint without a policy (or with the default Principal "*", Action "*" policy) lets any credentials ' +
    "reach Bedrock through your VPC, including an attacker's own account, which turns the endpoint into an exfiltration " +
    "path that bypasses egress controls. The check simulates calls through the endpoint by a principal of an account that " +
    "is neither this account nor in the trusted list (nor in your organization) and fails if the policy admits it.",
  remediation: {
    console: [
      "Open the Amazon VPC console, choose Endpoints and select the endpoint named in the finding.",
      "On the Policy tab choose Edit policy, then Custom.",
      "Allow only the Bedrock runtime actions you use, for principals of your account or organization (aws:PrincipalAccount / aws:PrincipalOrgID).",
    ],
    cli: `aws ec2 modify-vpc-endpoint --vpc-endpoint-id vpce-0123456789abcdef0 --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"],
    "Resource": "*",
    "Condition": { "StringEquals": { "aws:PrincipalAccount": "111122223333" } }
  }]
}'`,
    terraform: `resource "aws_vpc_endpoint_policy" "bedrock_runtime" {
  vpc_endpoint_id = aws_vpc_endpoint.bedrock_runtime.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"]
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalAccount" = data.aws_caller_identity.current.account_id } }
    }]
  })
}`,
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-interface-endpoints.html",
  ],
  evaluate: (inventory, { settings }) => {
    const arn = regionArn(inventory, "ec2");
    return withParts(arn, { vpcEndpoints: inventory.ec2.vpcEndpoints }, ({ vpcEndpoints }) => {
      const runtime = runtimeEndpoints(vpcEndpoints, inventory);
      if (runtime.length === 0)
        return [draft(arn, "NOT_APPLICABLE", `No bedrock-runtime interface endpoint in ${inventory.region}`, { endpoints: 0 })];
      return runtime.flatMap((e) =>
        guarded(endpointArn(e, inventory), `endpoint ${e.vpcEndpointId}`, () => [evaluateEndpoint(e, inventory, settings)]),
      );
    });
  },
});
