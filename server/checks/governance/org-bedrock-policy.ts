import "server-only";
import { accountArn, defineCheck, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { applicablePolicies } from "../lib/scp-policies";

const TYPE = "BEDROCK_POLICY";

export default defineCheck({
  id: "org-bedrock-policy",
  title: "An Organizations Bedrock policy applies to the account",
  severity: "medium",
  category: "Governance",
  scope: "account",
  rationale:
    "AWS Organizations Bedrock policies let the organization enforce Bedrock settings, such as a guardrail applied to every " +
    "inference call, centrally across accounts, where account administrators cannot remove them. Without the policy type " +
    "enabled and a policy attached to the account or one of its parents, each account's Bedrock safety settings depend on " +
    "local configuration alone.",
  remediation: {
    console: [
      "Open the AWS Organizations console in the management account and choose Policies > Bedrock policies.",
      "Enable the Bedrock policy type for the root.",
      "Create a Bedrock policy (for example one that enforces your organization guardrail) and attach it to the root or the OUs with Bedrock workloads.",
    ],
    cli: `aws organizations enable-policy-type --root-id r-EXAMPLE --policy-type BEDROCK_POLICY
aws organizations create-policy --type BEDROCK_POLICY --name bedrock-org-guardrail --description "Organization Bedrock controls" --content file://bedrock-policy.json
aws organizations attach-policy --policy-id p-EXAMPLE --target-id r-EXAMPLE`,
    terraform: `resource "aws_organizations_policy" "bedrock" {
  name    = "bedrock-org-guardrail"
  type    = "BEDROCK_POLICY"
  content = file("\${path.module}/bedrock-policy.json")
}

resource "aws_organizations_policy_attachment" "bedrock" {
  policy_id = aws_organizations_policy.bedrock.id
  target_id = aws_organizations_organization.this.roots[0].id
}`,
  },
  references: [
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_bedrock_syntax.html",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_bedrock_best_practices.html",
  ],
  evaluate: (inventory) => {
    const arn = accountArn(inventory);
    return withParts(arn, { organizations: inventory.organizations }, ({ organizations: org }) => {
      if (!org)
        return [
          draft(arn, "FAIL", "The account is not a member of an AWS Organization, so no Bedrock policy can apply", {
            organization: null,
          }),
        ];
      if (!org.enabledPolicyTypes.includes(TYPE)) {
        return [
          draft(arn, "FAIL", `The Bedrock policy type is not enabled in organization ${org.organizationId}`, {
            enabledPolicyTypes: org.enabledPolicyTypes,
          }),
        ];
      }
      const policies = applicablePolicies(org, TYPE);
      const evidence = { policies: policies.map((p) => ({ name: p.name, arn: p.arn, targetIds: p.targetIds })) };
      if (policies.length === 0) return [draft(arn, "FAIL", "No Organizations Bedrock policy applies to this account", evidence)];
      return [
        draft(
          arn,
          "PASS",
          `Organizations Bedrock policies apply to this account: ${policies.map((p) => p.name).join(", ")}`,
          evidence,
        ),
      ];
    });
  },
});
