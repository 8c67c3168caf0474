import "server-only";
import type { PolicyStatement } from "@/server/inventory/policy-document";
import { defineCheck, type FindingDraft } from "../define-check";
import { simulateFor } from "../lib/iam-access";
import { boundaryNote, draft, perRoleAndUser } from "../lib/iam-findings";
import { grantsEvidence, grantsText, unique } from "../lib/iam-grants";
import { principalText, type Principal } from "../lib/iam-principals";
import { anyResourceProbe, modelResources, type Where } from "../lib/iam-probes";
import type { DecidingStatement } from "../lib/iam-simulate";

const ON_GUARDRAIL = ["bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail", "bedrock:CreateGuardrailVersion"];
const ON_ACCOUNT = [
  "bedrock:CreateGuardrail",
  "bedrock:PutEnforcedGuardrailConfiguration",
  "bedrock:DeleteEnforcedGuardrailConfiguration",
];

/** A condition that requires the caller to carry a tag: present, positive, and not `…IfExists`. */
function isTagGate(operator: string, value: unknown): boolean {
  const op = operator.toLowerCase().replace(/^for(all|any)values:/, "");
  if (op === "null") return [value].flat().map(String).includes("false");
  return !op.endsWith("ifexists") && !op.includes("not");
}

function hasPrincipalTagGate(s: PolicyStatement): boolean {
  return Object.entries(s.Condition ?? {}).some(([operator, entries]) =>
    Object.entries(entries).some(
      ([key, value]) => key.toLowerCase().startsWith("aws:principaltag/") && isTagGate(operator, value),
    ),
  );
}

function evaluatePrincipal(p: Principal, w: Where): FindingDraft | undefined {
  const guardrails = [
    `arn:${w.partition}:bedrock:${w.region}:${w.accountId}:guardrail/strataprobe0`,
    ...modelResources(p.policies, ["guardrail/"]).map((r) => r.probe),
  ];
  const requests = [
    ...ON_GUARDRAIL.flatMap((action) => guardrails.map((resource) => ({ action, resource }))),
    ...ON_ACCOUNT.map((action) => ({ action, resource: anyResourceProbe("bedrock", w) })),
  ];
  const actions = new Set<string>();
  const allowing: DecidingStatement[] = [];
  for (const { action, resource } of requests) {
    const r = simulateFor(p, action, resource);
    if (!r.allowed) continue;
    actions.add(action);
    allowing.push(...r.allowedBy);
  }
  if (actions.size === 0) return undefined;
  const ungated = unique(allowing).filter((s) => !hasPrincipalTagGate(s.statement));
  const what = [...actions].join(", ");
  if (ungated.length > 0) {
    return draft(
      p.arn,
      "FAIL",
      `${principalText(p)} may administer guardrails (${what}) without an aws:PrincipalTag condition: ${grantsText(ungated, "action")}${boundaryNote(p)}`,
      { actions: [...actions], ungatedStatements: grantsEvidence(ungated) },
    );
  }
  return draft(
    p.arn,
    "PASS",
    `${principalText(p)} may administer guardrails (${what}) only when it carries the required principal tag`,
    {
      actions: [...actions],
      statements: grantsEvidence(allowing),
    },
  );
}

export default defineCheck({
  id: "iam-guardrail-admin-principal-tag",
  title: "Guardrail administration requires a principal tag",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "Whoever can create, update or delete guardrails, or change the account's enforced guardrail, can switch off the content " +
    "controls every application relies on. Gating these actions on an aws:PrincipalTag condition (for example " +
    "team=ai-governance) keeps them with a named group even when broad policies are attached elsewhere. A principal that " +
    "may call any of them through a statement without such a condition fails.",
  remediation: {
    console: [
      "Open the IAM console and select the role or user named in the finding.",
      "Edit the statement named in the finding and add a condition such as StringEquals aws:PrincipalTag/team = ai-governance.",
      "Tag only the guardrail administrators' roles with that tag, and deny iam:TagRole / sts:TagSession for that key to everyone else.",
    ],
    cli: `aws iam put-role-policy --role-name ROLE_NAME --policy-name guardrail-admin --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail", "bedrock:CreateGuardrailVersion",
               "bedrock:PutEnforcedGuardrailConfiguration", "bedrock:DeleteEnforcedGuardrailConfiguration"],
    "Resource": "*",
    "Condition": { "StringEquals": { "aws:PrincipalTag/team": "ai-governance" } }
  }]
}'
aws iam tag-role --role-name ROLE_NAME --tags Key=team,Value=ai-governance`,
    terraform: `data "aws_iam_policy_document" "guardrail_admin" {
  statement {
    actions = [
      "bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:DeleteGuardrail", "bedrock:CreateGuardrailVersion",
      "bedrock:PutEnforcedGuardrailConfiguration", "bedrock:DeleteEnforcedGuardrailConfiguration",
    ]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalTag/team"
      values   = ["ai-governance"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-principaltag",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/introduction_attribute-based-access-control.html",
  ],
  evaluate: (inventory) =>
    perRoleAndUser(inventory, evaluatePrincipal, "No IAM role or user in the account may create, change or delete guardrails"),
});
