import "server-only";
import type { Inventory } from "@/server/inventory";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import type { DecidingStatement } from "../lib/iam-simulate";
import { scpSetup, simulateUnderScps, type ScpContext } from "../lib/scp-policies";
import { approvedProbeRegion, compliantContexts } from "../lib/scp-probes";
import { geographiesOf, partitionRegions } from "../lib/scp-regions";

const PROFILE_KEY = "bedrock:InferenceProfileArn";
const MODEL_ID = "strata-probe.unnamed-model-v1:0";
// A data-plane and a control-plane action: a region restriction must stop both.
const ACTIONS = ["bedrock:InvokeModel", "bedrock:CreateGuardrail"];

type Settings = { approvedRegions: string[]; approvedGeographies: string[] };

function resourceFor(action: string, partition: string, region: string, accountId: string): string {
  return action === "bedrock:InvokeModel"
    ? `arn:${partition}:bedrock:${region}::foundation-model/${MODEL_ID}`
    : `arn:${partition}:bedrock:${region}:${accountId}:strataprobe/unlisted-resource`;
}

/**
 * For each action, a request context that the SCPs allow in an approved region. Probing other
 * regions with that same context means only the region can explain a denial: a guardrail or
 * deny-all SCP is never mistaken for a region restriction (which would be a false PASS).
 */
function baselineContexts(scp: ScpContext, inventory: Inventory, home: string): Map<string, Record<string, string>> {
  const contexts = compliantContexts(scp, inventory);
  const found = new Map<string, Record<string, string>>();
  for (const action of ACTIONS) {
    const ok = contexts.find(
      (context) =>
        simulateUnderScps(scp, action, resourceFor(action, inventory.partition, home, scp.accountId), {
          context: { "aws:RequestedRegion": home, ...context },
          absentKeys: [PROFILE_KEY],
          unknownConditions: "deny",
        }).allowed,
    );
    if (ok) found.set(action, ok);
  }
  return found;
}

/** Calls made directly in each unapproved region must be denied (unknown conditions read in favour of access). */
function notDenied(
  scp: ScpContext,
  partition: string,
  unapproved: readonly string[],
  baseline: Map<string, Record<string, string>>,
) {
  const open: string[] = [];
  const denying: DecidingStatement[] = [];
  for (const region of unapproved) {
    for (const [action, context] of baseline) {
      const r = simulateUnderScps(scp, action, resourceFor(action, partition, region, scp.accountId), {
        context: { ...context, "aws:RequestedRegion": region },
        absentKeys: [PROFILE_KEY],
      });
      if (r.allowed) open.push(`${action} in ${region}`);
      else denying.push(...r.deniedBy);
    }
  }
  return { open, denying };
}

/**
 * A call through an approved geography's inference profile is served in any region of that
 * geography, and SCPs see that destination as aws:RequestedRegion: it must stay allowed.
 */
function brokenProfiles(scp: ScpContext, partition: string, s: Settings, invokeContext: Record<string, string>) {
  const broken: string[] = [];
  const blocking: DecidingStatement[] = [];
  const regions = partitionRegions(partition);
  for (const geography of s.approvedGeographies.filter((g) => g !== "global")) {
    const inGeography = regions.filter((r) => geographiesOf(r).includes(geography));
    const source = inGeography.find((r) => s.approvedRegions.includes(r));
    if (!source) continue;
    const profile = `arn:${partition}:bedrock:${source}:${scp.accountId}:inference-profile/${geography}.${MODEL_ID}`;
    for (const destination of inGeography.filter((r) => !s.approvedRegions.includes(r))) {
      const r = simulateUnderScps(
        scp,
        "bedrock:InvokeModel",
        resourceFor("bedrock:InvokeModel", partition, destination, scp.accountId),
        {
          context: { ...invokeContext, "aws:RequestedRegion": destination, [PROFILE_KEY]: profile },
          unknownConditions: "deny",
        },
      );
      if (r.allowed) continue;
      broken.push(`${geography}. profile served in ${destination}`);
      blocking.push(...r.deniedBy);
    }
  }
  return { broken, blocking };
}

function evaluate(scp: ScpContext, inventory: Inventory, s: Settings, arn: string): FindingDraft {
  const partition = inventory.partition;
  const unapproved = partitionRegions(partition).filter((r) => !s.approvedRegions.includes(r));
  const names = scp.applicable.map((p) => p.name);
  const home = approvedProbeRegion(inventory, s.approvedRegions);
  const baseline = baselineContexts(scp, inventory, home);
  const unprovable = ACTIONS.filter((a) => !baseline.has(a));
  if (unprovable.length > 0) {
    // Not a PASS: a set of SCPs that blocks Bedrock even where it is approved proves nothing about
    // regions, and it breaks every inference profile too.
    return draft(
      arn,
      "FAIL",
      `The SCPs deny ${unprovable.join(" and ")} even in the approved region ${home} for every request tried (with and without a guardrail), so no region restriction can be confirmed and inference profiles cannot work; fix the SCP that blocks it`,
      { applicableScps: names, probedRegion: home, deniedEverywhere: unprovable },
    );
  }
  const { open, denying } = notDenied(scp, partition, unapproved, baseline);
  if (open.length > 0) {
    const regions = new Set(open.map((o) => o.split(" in ")[1]));
    return draft(
      arn,
      "FAIL",
      `No SCP applying to this account denies Bedrock outside the approved regions (${s.approvedRegions.join(", ")}): not denied in ${regions.size} of ${unapproved.length} other regions, e.g. ${open.slice(0, 3).join(", ")}`,
      { applicableScps: names, notDenied: open },
    );
  }
  const { broken, blocking } = brokenProfiles(scp, partition, s, baseline.get("bedrock:InvokeModel") ?? {});
  if (broken.length > 0) {
    return draft(
      arn,
      "FAIL",
      `The SCPs deny Bedrock outside the approved regions but break geographic inference profiles: ${broken.slice(0, 3).join(", ")} is denied by ${grantsText(blocking, "action")}. Exempt calls with bedrock:InferenceProfileArn (ArnNotLike arn:aws:bedrock:*:*:inference-profile/*)`,
      { applicableScps: names, broken, statements: grantsEvidence(blocking) },
    );
  }
  return draft(
    arn,
    "PASS",
    `SCPs deny Bedrock in every region outside ${s.approvedRegions.join(", ")} (${denying.length > 0 ? grantsText(denying, "action") : "no SCP allows it there"}) and leave geographic inference profiles working`,
    { applicableScps: names, statements: grantsEvidence(denying) },
  );
}

export default defineCheck({
  id: "org-scp-region-restriction",
  title: "An SCP restricts Bedrock to approved regions (cross-region inference aware)",
  severity: "high",
  category: "Governance",
  scope: "account",
  rationale:
    "Data residency for prompts and responses needs a guarantee no account administrator can undo: an SCP that denies Bedrock " +
    "outside the approved regions. With cross-region inference, SCPs see the destination region as aws:RequestedRegion, so a " +
    "naive region deny also blocks calls through geographic inference profiles; those must be exempted (for example with " +
    "ArnNotLike on bedrock:InferenceProfileArn). The check simulates Bedrock calls in every unapproved region and calls " +
    "through approved geographies' profiles against the SCPs that apply to the account.",
  remediation: {
    console: [
      "Open the AWS Organizations console in the management account and choose Policies > Service control policies.",
      "Create a policy that denies bedrock:* when aws:RequestedRegion is not an approved region, unless bedrock:InferenceProfileArn is set.",
      "Attach it to the root or to the OUs that hold Bedrock accounts.",
    ],
    cli: `aws organizations create-policy --type SERVICE_CONTROL_POLICY --name bedrock-approved-regions --description "Bedrock only in approved regions" --content '{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "DenyBedrockOutsideApprovedRegions",
    "Effect": "Deny",
    "Action": "bedrock:*",
    "Resource": "*",
    "Condition": {
      "StringNotEquals": { "aws:RequestedRegion": ["us-east-1", "us-west-2", "eu-west-1"] },
      "ArnNotLike": { "bedrock:InferenceProfileArn": "arn:aws:bedrock:*:*:inference-profile/*" }
    }
  }]
}'
aws organizations attach-policy --policy-id p-EXAMPLE --target-id ou-EXAMPLE`,
    terraform: `resource "aws_organizations_policy" "bedrock_regions" {
  name = "bedrock-approved-regions"
  type = "SERVICE_CONTROL_POLICY"
  content = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "DenyBedrockOutsideApprovedRegions"
      Effect   = "Deny"
      Action   = "bedrock:*"
      Resource = "*"
      Condition = {
        StringNotEquals = { "aws:RequestedRegion" = ["us-east-1", "us-west-2", "eu-west-1"] }
        ArnNotLike      = { "bedrock:InferenceProfileArn" = "arn:aws:bedrock:*:*:inference-profile/*" }
      }
    }]
  })
}

resource "aws_organizations_policy_attachment" "bedrock_regions" {
  policy_id = aws_organizations_policy.bedrock_regions.id
  target_id = aws_organizations_organizational_unit.workloads.id
}`,
  },
  references: [
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html",
  ],
  evaluate: (inventory, { settings }) => {
    const arn = accountArn(inventory);
    return withParts(arn, { organizations: inventory.organizations }, ({ organizations }) => {
      const setup = scpSetup(organizations, inventory.accountId, inventory.partition);
      if (!setup.ok) return [draft(arn, setup.status, setup.message, setup.evidence)];
      return [evaluate(setup.scp, inventory, settings, arn)];
    });
  },
});
