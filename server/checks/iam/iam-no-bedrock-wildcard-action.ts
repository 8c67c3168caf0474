import "server-only";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { someBedrockAction, statementAllows } from "../lib/iam-access";
import { bedrockActions } from "../lib/iam-data";
import { draft, perPrincipal } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import { statementLabel, type ParsedPolicy } from "../lib/iam-policy";
import { principalText, type Principal } from "../lib/iam-principals";
import type { DecidingStatement } from "../lib/iam-simulate";

// An action no policy lists by name: only a wildcard can match it.
const UNLISTED = "bedrock:StrataProbeUnlistedAction";

// Managed policies are shared between principals; an unconditioned statement's answer is the same for all.
const verdicts = new WeakMap<ParsedPolicy, Map<number, boolean>>();

function grantsEveryAction(p: Principal, policy: ParsedPolicy, index: number): boolean {
  const statement = policy.statements[index];
  if (!statement || statement.Effect !== "Allow") return false;
  const memo = statement.Condition ? undefined : (verdicts.get(policy) ?? new Map<number, boolean>());
  const known = memo?.get(index);
  if (known !== undefined) return known;
  const every =
    statementAllows(p, policy, index, UNLISTED, "*") &&
    bedrockActions().every((action) => statementAllows(p, policy, index, action, "*"));
  if (memo) verdicts.set(policy, memo.set(index, every));
  return every;
}

/** Allow statements that, on their own, grant every Bedrock action iam-data knows. */
function wildcardStatements(p: Principal): DecidingStatement[] {
  return p.policies.flatMap((policy) =>
    policy.statements.flatMap((statement, index) =>
      grantsEveryAction(p, policy, index)
        ? [{ policy: policy.name, kind: policy.kind, index, label: statementLabel(statement, index), statement }]
        : [],
    ),
  );
}

function evaluatePrincipal(p: Principal): FindingDraft | undefined {
  const example = someBedrockAction(p);
  if (!example) return undefined;
  const wildcards = wildcardStatements(p);
  if (wildcards.length > 0) {
    return draft(
      p.arn,
      "FAIL",
      `${principalText(p)} is allowed every Bedrock action (bedrock:* or *): ${grantsText(wildcards, "action")}`,
      { statements: grantsEvidence(wildcards) },
    );
  }
  return draft(
    p.arn,
    "PASS",
    `${principalText(p)} has Bedrock permissions (e.g. ${example}) but no statement grants every Bedrock action`,
    {
      exampleAction: example,
    },
  );
}

export default defineCheck({
  id: "iam-no-bedrock-wildcard-action",
  title: "No principal is allowed every Bedrock action (bedrock:*)",
  severity: "critical",
  category: "IAM",
  scope: "account",
  rationale:
    "A statement allowing `bedrock:*` (or `*`) gives a principal every Bedrock permission: it can invoke any model, delete or " +
    "weaken guardrails, turn off invocation logging, and create agents and custom models. One leaked credential then controls " +
    "the whole Bedrock estate. Grant only the actions a workload needs; the statement is flagged whatever its conditions say.",
  remediation: {
    console: [
      "Open the IAM console and select the role or user named in the finding.",
      "Edit the policy named in the finding (or detach AmazonBedrockFullAccess) and replace `bedrock:*` / `*` with the specific actions needed.",
      "Use IAM Access Analyzer's policy generation on CloudTrail activity to find the actions actually used.",
    ],
    cli: `aws iam put-role-policy --role-name ROLE_NAME --policy-name bedrock-runtime --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"],
    "Resource": [
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
      "arn:aws:bedrock:us-east-1:111122223333:guardrail/GUARDRAIL_ID"
    ]
  }]
}'
aws iam detach-role-policy --role-name ROLE_NAME --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess`,
    terraform: `resource "aws_iam_role_policy" "bedrock_runtime" {
  name = "bedrock-runtime"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"]
      Resource = [
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-haiku-20241022-v1:0",
        aws_bedrock_guardrail.main.guardrail_arn,
      ]
    }]
  })
}`,
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/security_iam_id-based-policy-examples.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-policy-generation.html",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    return withParts(account, { iam: inventory.iam }, ({ iam }) =>
      perPrincipal(iam, {
        kinds: ["role", "user"],
        evaluate: evaluatePrincipal,
        none: { resourceArn: account, status: "PASS", message: "No IAM role or user in the account has any Bedrock permission" },
      }),
    );
  },
});
