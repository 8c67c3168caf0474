import "server-only";
import { defineCheck, type FindingDraft } from "../define-check";
import { simulateFor } from "../lib/iam-access";
import { boundaryNote, draft, perRoleAndUser } from "../lib/iam-findings";
import { conditionKeys, grantsEvidence, grantsText, unique } from "../lib/iam-grants";
import { principalText, type Principal } from "../lib/iam-principals";
import { anyResourceProbe, type Where } from "../lib/iam-probes";

const SUBSCRIBE = "aws-marketplace:Subscribe";

function evaluatePrincipal(p: Principal, w: Where): FindingDraft | undefined {
  const r = simulateFor(p, SUBSCRIBE, anyResourceProbe("aws-marketplace", w));
  if (!r.allowed) return undefined;
  const grants = unique(r.allowedBy);
  const unconditioned = grants.filter((s) => !s.statement.Condition);
  if (unconditioned.length > 0) {
    return draft(
      p.arn,
      "FAIL",
      `${principalText(p)} may subscribe to any AWS Marketplace product (${SUBSCRIBE} on *) with no condition: ${grantsText(unconditioned)}${boundaryNote(p)}`,
      { statements: grantsEvidence(unconditioned) },
    );
  }
  const keys = [...new Set(grants.flatMap((s) => conditionKeys(s.statement)))];
  return draft(p.arn, "PASS", `${principalText(p)} may call ${SUBSCRIBE} only under conditions on ${keys.join(", ")}`, {
    statements: grantsEvidence(grants),
  });
}

export default defineCheck({
  id: "iam-marketplace-subscribe-wildcard",
  title: "Marketplace subscriptions are not allowed without conditions",
  severity: "medium",
  category: "IAM",
  scope: "account",
  rationale:
    "Access to many third-party Bedrock models is granted by an AWS Marketplace subscription, which an identity with " +
    "aws-marketplace:Subscribe on `*` can create for any product, enabling unapproved models and their charges. Restricting " +
    "the action with a condition, such as aws-marketplace:ProductId for approved models or aws:CalledViaLast for calls made " +
    "through Bedrock, keeps model onboarding a deliberate decision.",
  remediation: {
    console: [
      "Open the IAM console and select the principal named in the finding.",
      "Edit the statement named in the finding: add a condition on aws-marketplace:ProductId listing approved model product ids, or remove aws-marketplace:Subscribe.",
      "Leave model onboarding to a small administrator role.",
    ],
    cli: `aws iam put-role-policy --role-name ROLE_NAME --policy-name marketplace-approved-models --policy-document '{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["aws-marketplace:Subscribe"],
    "Resource": "*",
    "Condition": { "ForAnyValue:StringEquals": { "aws-marketplace:ProductId": ["prod-APPROVED1", "prod-APPROVED2"] } }
  }]
}'`,
    terraform: `data "aws_iam_policy_document" "marketplace_approved_models" {
  statement {
    actions   = ["aws-marketplace:Subscribe"]
    resources = ["*"]
    condition {
      test     = "ForAnyValue:StringEquals"
      variable = "aws-marketplace:ProductId"
      values   = ["prod-APPROVED1", "prod-APPROVED2"]
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-access.html#model-access-permissions",
    "https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsmarketplace.html",
  ],
  evaluate: (inventory) =>
    perRoleAndUser(inventory, evaluatePrincipal, `No IAM role or user in the account may call ${SUBSCRIBE}`),
});
