import "server-only";
import { defineCheck, type FindingDraft } from "../define-check";
import { simulateFor } from "../lib/iam-access";
import { draft, perRoleAndUser } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import { principalText, type Principal } from "../lib/iam-principals";
import { inferenceProfileProbe, modelProbes, modelResources, type Where } from "../lib/iam-probes";
import type { DecidingStatement } from "../lib/iam-simulate";

const INVOKE = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"];
const PROFILE_KEY = "bedrock:InferenceProfileArn";

/** Direct calls carry no inference-profile key; calls through a profile the policy does not name carry that profile. */
function scenarios(resource: string, w: Where) {
  if (!resource.includes(":foundation-model/")) return [{}];
  return [{ absentKeys: [PROFILE_KEY] }, { context: { [PROFILE_KEY]: inferenceProfileProbe(w) } }];
}

function evaluatePrincipal(p: Principal, w: Where): FindingDraft | undefined {
  const actions = INVOKE.filter((a) => simulateFor(p, a, "*", { explain: false }).allowed);
  if (actions.length === 0) return undefined;
  const named = modelResources(p.policies);
  const probes = [...modelProbes(w), ...named.filter((r) => r.wildcardModel).map((r) => r.probe)];
  const broad: DecidingStatement[] = [];
  const reached: string[] = [];
  for (const action of actions) {
    for (const probe of probes) {
      for (const scenario of scenarios(probe, w)) {
        const r = simulateFor(p, action, probe, scenario);
        if (!r.allowed) continue;
        broad.push(...r.allowedBy);
        reached.push(probe);
        break;
      }
    }
  }
  const who = principalText(p);
  if (broad.length > 0) {
    return draft(
      p.arn,
      "FAIL",
      `${who} may invoke models its policies do not name (${actions.join(", ")} on any matching model): ${grantsText(broad, "resource")}`,
      { actions, broadStatements: grantsEvidence(broad), unnamedModelsAllowed: [...new Set(reached)] },
    );
  }
  const names = named.map((r) => r.pattern);
  return draft(
    p.arn,
    "PASS",
    `${who} may invoke only the models and inference profiles it names${names.length ? `: ${names.join(", ")}` : ""}`,
    { actions, namedResources: names },
  );
}

export default defineCheck({
  id: "iam-bedrock-invoke-specific-resources",
  title: "Model invocation is granted on specific model ARNs only",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "An identity policy that allows bedrock:InvokeModel or InvokeModelWithResponseStream (which also authorize Converse) on `*` " +
    "or on a wildcard model ARN lets the principal run every model, including new, expensive or unapproved ones, and makes " +
    "stolen credentials far more valuable for LLM-jacking. Least privilege means naming the foundation-model and " +
    "inference-profile ARNs a workload actually uses. A wildcard only in the region segment (used for cross-region inference) is fine.",
  remediation: {
    console: [
      "Open the IAM console, choose Roles (or Users) and select the principal named in the finding.",
      "Edit the policy and statement named in the finding.",
      "Replace `*` or the wildcard model ARN with the specific foundation-model and inference-profile ARNs the workload uses.",
      "For cross-region inference, allow the inference-profile ARN and the foundation-model ARN with a wildcard region, conditioned on bedrock:InferenceProfileArn.",
    ],
    cli: `aws iam put-role-policy --role-name ROLE_NAME --policy-name bedrock-invoke --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Sid": "InvokeApprovedModels",
    "Effect": "Allow",
    "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"],
    "Resource": [
      "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0"
    ]
  }]
}'`,
    terraform: `data "aws_iam_policy_document" "bedrock_invoke" {
  statement {
    sid     = "InvokeApprovedModels"
    actions = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream"]
    resources = [
      "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-5-haiku-20241022-v1:0",
      "arn:aws:bedrock:*::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
    ]
  }
}

resource "aws_iam_role_policy" "bedrock_invoke" {
  name   = "bedrock-invoke"
  role   = aws_iam_role.app.id
  policy = data.aws_iam_policy_document.bedrock_invoke.json
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-prereq.html",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html",
  ],
  evaluate: (inventory) =>
    perRoleAndUser(inventory, evaluatePrincipal, "No IAM role or user in the account is allowed to invoke Bedrock models"),
});
