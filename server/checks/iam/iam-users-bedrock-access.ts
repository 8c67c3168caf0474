import "server-only";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { simulateFor, someBedrockAction } from "../lib/iam-access";
import { boundaryNote, draft, perPrincipal } from "../lib/iam-findings";
import { grantsEvidence, grantsText } from "../lib/iam-grants";
import type { Principal } from "../lib/iam-principals";

function evaluateUser(p: Principal): FindingDraft {
  const action = someBedrockAction(p);
  if (!action) return draft(p.arn, "PASS", `User ${p.name} has no Bedrock permissions`, { groups: p.user?.groups ?? [] });
  const grants = simulateFor(p, action, "*").allowedBy;
  return draft(
    p.arn,
    "FAIL",
    `User ${p.name} is allowed Bedrock actions (e.g. ${action}) with long-term IAM user credentials: ${grantsText(grants, "action")}${boundaryNote(p)}`,
    { exampleAction: action, groups: p.user?.groups ?? [], statements: grantsEvidence(grants) },
  );
}

export default defineCheck({
  id: "iam-users-bedrock-access",
  title: "IAM users have no Bedrock permissions",
  severity: "medium",
  category: "IAM",
  scope: "account",
  rationale:
    "IAM users sign in with long-term passwords and access keys, which leak and are rarely rotated; leaked keys with Bedrock " +
    "access are a favourite target for LLM-jacking. People should reach Bedrock through federated roles (IAM Identity Center) " +
    "with temporary credentials, and workloads through roles. A user is flagged when its own or its groups' policies allow any " +
    "Bedrock action.",
  remediation: {
    console: [
      "Open the IAM console, choose Users and select the user named in the finding.",
      "Remove the Bedrock permissions from the user and from its groups (the finding names the policy).",
      "Give the person an IAM Identity Center permission set with the Bedrock access they need, then delete the user's access keys.",
    ],
    cli: `aws iam detach-user-policy --user-name USER_NAME --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess
aws iam delete-user-policy --user-name USER_NAME --policy-name POLICY_NAME
aws iam remove-user-from-group --user-name USER_NAME --group-name GROUP_NAME`,
    terraform: `# Grant Bedrock to people through IAM Identity Center, not IAM users.
resource "aws_ssoadmin_managed_policy_attachment" "bedrock_readonly" {
  instance_arn       = tolist(data.aws_ssoadmin_instances.this.arns)[0]
  permission_set_arn = aws_ssoadmin_permission_set.bedrock_users.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/AmazonBedrockReadOnly"
}`,
  },
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-users-federation-idp",
    "https://docs.aws.amazon.com/singlesignon/latest/userguide/permissionsetsconcept.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam.html",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    return withParts(account, { iam: inventory.iam }, ({ iam }) =>
      perPrincipal(iam, {
        kinds: ["user"],
        evaluate: evaluateUser,
        none: { resourceArn: account, status: "PASS", message: "The account has no IAM users" },
      }),
    );
  },
});
