import "server-only";
import type { Inventory } from "@/server/inventory";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import { foundationModelProbe } from "../lib/iam-probes";
import type { DecidingStatement } from "../lib/iam-simulate";
import { scpSetup, simulateUnderScps, type ScpContext } from "../lib/scp-policies";
import { approvedProbeRegion, guardrailCandidates } from "../lib/scp-probes";

const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const GUARDRAIL_KEY = "bedrock:guardrailidentifier";

function evaluate(scp: ScpContext, inventory: Inventory, approvedRegions: readonly string[], arn: string): FindingDraft {
  // Probe in an approved region, so a region-restriction SCP is never mistaken for the guardrail requirement.
  const region = approvedProbeRegion(inventory, approvedRegions);
  const model = foundationModelProbe({ ...inventory, region });
  const where = { "aws:RequestedRegion": region };
  const names = scp.applicable.map((p) => p.name);
  const requiring: DecidingStatement[] = [];
  const open: string[] = [];
  for (const action of INVOKE) {
    const r = simulateUnderScps(scp, action, model, { context: where, absentKeys: [GUARDRAIL_KEY] });
    if (r.allowed) open.push(action);
    else requiring.push(...r.deniedBy);
  }
  if (open.length > 0) {
    return draft(
      arn,
      "FAIL",
      `No SCP applying to this account denies ${open.join(" or ")} when bedrock:GuardrailIdentifier is absent`,
      {
        applicableScps: names,
        allowedWithoutGuardrail: open,
      },
    );
  }
  const candidates = guardrailCandidates(scp, inventory);
  const blocking: DecidingStatement[] = [];
  const blocked = INVOKE.filter((action) => {
    const results = candidates.map((g) =>
      simulateUnderScps(scp, action, model, {
        context: { ...where, "bedrock:GuardrailIdentifier": g },
        unknownConditions: "deny",
      }),
    );
    if (results.some((r) => r.allowed)) return false;
    blocking.push(...results.flatMap((r) => r.deniedBy));
    return true;
  });
  if (blocked.length > 0) {
    return draft(
      arn,
      "FAIL",
      `The SCPs deny ${blocked.join(" and ")} even when a guardrail is given (tried ${candidates.length} guardrail ARNs), so every inference call is blocked: ${grantsText(blocking, "action")}`,
      { applicableScps: names, guardrailsTried: candidates, statements: grantsEvidence(blocking) },
    );
  }
  return draft(
    arn,
    "PASS",
    `SCPs deny InvokeModel and InvokeModelWithResponseStream unless bedrock:GuardrailIdentifier is set: ${requiring.length > 0 ? grantsText(requiring, "action") : "no SCP allows them without it"}`,
    { applicableScps: names, statements: grantsEvidence(requiring) },
  );
}

export default defineCheck({
  id: "org-scp-require-guardrail",
  title: "An SCP denies model invocation without a guardrail",
  severity: "high",
  category: "Governance",
  scope: "account",
  rationale:
    "Identity policies can be changed by account administrators; an SCP cannot. An SCP that denies bedrock:InvokeModel and " +
    "InvokeModelWithResponseStream (which also authorize Converse and ConverseStream) when bedrock:GuardrailIdentifier is " +
    "absent makes a guardrail mandatory for every inference call in the account. The check simulates calls with and without " +
    "the key: denied without it and allowed with a guardrail is a pass; denied either way means the SCP tests the wrong key " +
    "and blocks all inference.",
  remediation: {
    console: [
      "Open the AWS Organizations console in the management account and choose Policies > Service control policies.",
      "Create a policy that denies bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream with a Null condition on bedrock:GuardrailIdentifier = true.",
      "Attach it to the OUs that hold Bedrock workloads (test it on a sandbox OU first).",
    ],
    cli: `aws organizations create-policy --type SERVICE_CONTROL_POLICY --name bedrock-require-guardrail --description "Inference must name a guardrail" --content '{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "DenyInferenceWithoutGuardrail",
    "Effect": "Deny",
    "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
    "Resource": "*",
    "Condition": { "Null": { "bedrock:GuardrailIdentifier": "true" } }
  }]
}'
aws organizations attach-policy --policy-id p-EXAMPLE --target-id ou-EXAMPLE`,
    terraform: `resource "aws_organizations_policy" "require_guardrail" {
  name = "bedrock-require-guardrail"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "DenyInferenceWithoutGuardrail"
      Effect    = "Deny"
      Action    = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
      Resource  = "*"
      Condition = { Null = { "bedrock:GuardrailIdentifier" = "true" } }
    }]
  })
}

resource "aws_organizations_policy_attachment" "require_guardrail" {
  policy_id = aws_organizations_policy.require_guardrail.id
  target_id = aws_organizations_organizational_unit.workloads.id
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html",
  ],
  evaluate: (inventory, { settings }) => {
    const arn = accountArn(inventory);
    return withParts(arn, { organizations: inventory.organizations }, ({ organizations }) => {
      const setup = scpSetup(organizations, inventory.accountId, inventory.partition);
      if (!setup.ok) return [draft(arn, setup.status, setup.message, setup.evidence)];
      return [evaluate(setup.scp, inventory, settings.approvedRegions, arn)];
    });
  },
});
