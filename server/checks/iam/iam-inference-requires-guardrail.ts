import "server-only";
import { defineCheck, type FindingDraft } from "../define-check";
import { simulateFor } from "../lib/iam-access";
import { boundaryNote, draft, perRoleAndUser } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import { principalText, type Principal } from "../lib/iam-principals";
import { modelProbes, modelResources, type Where } from "../lib/iam-probes";
import type { DecidingStatement } from "../lib/iam-simulate";

const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const GUARDRAIL_KEY = "bedrock:GuardrailIdentifier";

function evaluatePrincipal(p: Principal, w: Where): FindingDraft | undefined {
  const actions = INVOKE.filter((a) => simulateFor(p, a, "*", { explain: false }).allowed);
  if (actions.length === 0) return undefined;
  // The models the principal names, plus models it does not name (reached only through wildcards).
  const models = [...new Set([...modelProbes(w), ...modelResources(p.policies).map((r) => r.probe)])];
  const open: { action: string; model: string }[] = [];
  const grants: DecidingStatement[] = [];
  for (const action of actions) {
    for (const model of models) {
      const r = simulateFor(p, action, model, { absentKeys: [GUARDRAIL_KEY] });
      if (!r.allowed) continue;
      open.push({ action, model });
      grants.push(...r.allowedBy);
    }
  }
  if (open.length > 0) {
    const first = open[0];
    return draft(
      p.arn,
      "FAIL",
      `${principalText(p)} can call ${[...new Set(open.map((o) => o.action))].join(" and ")} without a guardrail (no ${GUARDRAIL_KEY} in the request), ` +
        `e.g. on ${first?.model ?? ""}: allowed by ${grantsText(grants, "resource")} and no Deny requires the key${boundaryNote(p)}`,
      { withoutGuardrail: open, statements: grantsEvidence(grants) },
    );
  }
  return draft(p.arn, "PASS", `Every model invocation ${principalText(p)} is allowed requires ${GUARDRAIL_KEY}`, {
    actions,
    modelsTested: models,
  });
}

export default defineCheck({
  id: "iam-inference-requires-guardrail",
  title: "Model invocation requires a guardrail (bedrock:GuardrailIdentifier)",
  severity: "medium",
  category: "IAM",
  scope: "account",
  rationale:
    "Unless a policy requires the bedrock:GuardrailIdentifier condition key, a caller can invoke a model and simply leave the " +
    "guardrail out of the request, bypassing every content filter. The key is set by InvokeModel, InvokeModelWithResponseStream, " +
    "Converse and ConverseStream to the guardrail ARN (with :version for a numbered version). The check simulates each " +
    "principal's invocations with the key absent: if any is allowed, the principal can skip the guardrail.",
  remediation: {
    console: [
      "Open the IAM console and select the principal named in the finding.",
      "Add a Deny statement on bedrock:InvokeModel and bedrock:InvokeModelWithResponseStream with a StringNotEquals (or ArnNotLike) condition on bedrock:GuardrailIdentifier naming the approved guardrail ARN(s); StringNotEquals also matches when the key is absent.",
      "Allow bedrock:ApplyGuardrail on that guardrail ARN.",
    ],
    cli: `aws iam put-role-policy --role-name ROLE_NAME --policy-name require-guardrail --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "DenyInvokeWithoutGuardrail",
    "Effect": "Deny",
    "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
    "Resource": "*",
    "Condition": { "StringNotEquals": { "bedrock:GuardrailIdentifier": "arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID:1" } }
  }]
}'`,
    terraform: `data "aws_iam_policy_document" "require_guardrail" {
  statement {
    sid       = "DenyInvokeWithoutGuardrail"
    effect    = "Deny"
    actions   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "bedrock:GuardrailIdentifier"
      values   = ["\${aws_bedrock_guardrail.main.guardrail_arn}:\${aws_bedrock_guardrail_version.main.version}"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-id.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html#amazonbedrock-policy-keys",
  ],
  evaluate: (inventory) =>
    perRoleAndUser(inventory, evaluatePrincipal, "No IAM role or user in the account is allowed to invoke Bedrock models"),
});
