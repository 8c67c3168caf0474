import "server-only";
import type { IamRole } from "@/server/inventory/iam";
import { asList } from "@/server/inventory/policy-document";
import { accountArn, defineCheck, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { parsePolicy } from "../lib/iam-policy";
import { isServiceLinkedRole } from "../lib/iam-principals";

const FULL_ACCESS = "AmazonBedrockFullAccess";

type Trustees = { services: string[]; others: string[] };

function trustees(role: IamRole): Trustees | string {
  const parsed = parsePolicy(role.assumeRolePolicyDocument, "trust policy", "trust");
  if (!parsed.ok) return parsed.error;
  const out: Trustees = { services: [], others: [] };
  for (const s of parsed.policy.statements) {
    if (s.Effect !== "Allow") continue;
    const principal = s.Principal ?? {};
    if (principal === "*") out.others.push("*");
    else {
      for (const [type, values] of Object.entries(principal)) {
        for (const v of asList(values)) (type === "Service" ? out.services : out.others).push(v);
      }
    }
  }
  return out;
}

function evaluateRole(role: IamRole, policyArn: string): FindingDraft | undefined {
  if (isServiceLinkedRole(role) || !role.attachedPolicies.some((p) => p.policyArn === policyArn)) return undefined;
  const trust = trustees(role);
  if (typeof trust === "string") {
    return draft(role.arn, "ERROR", `Role ${role.roleName} has ${FULL_ACCESS} attached, but its ${trust}`, {
      attached: policyArn,
    });
  }
  const evidence = { attached: policyArn, trustedServices: trust.services, otherTrustees: trust.others };
  if (trust.services.length > 0) {
    return draft(
      role.arn,
      "FAIL",
      `Workload role ${role.roleName} (trusted by ${trust.services.join(", ")}) has ${FULL_ACCESS} attached: code running as it can change guardrails, logging and models`,
      evidence,
    );
  }
  if (role.roleName.startsWith("AWSReservedSSO_")) {
    return draft(
      role.arn,
      "FAIL",
      `Human IAM Identity Center role ${role.roleName} has ${FULL_ACCESS} attached: reported because everyone in that permission set gets full Bedrock control; use a scoped permission set`,
      evidence,
    );
  }
  return draft(
    role.arn,
    "FAIL",
    `Role ${role.roleName} (assumable by ${trust.others.join(", ") || "nobody"}) has ${FULL_ACCESS} attached; grant the Bedrock actions it needs instead`,
    evidence,
  );
}

export default defineCheck({
  id: "iam-bedrock-full-access-workloads",
  title: "AmazonBedrockFullAccess is not attached to roles",
  severity: "high",
  category: "IAM",
  scope: "account",
  rationale:
    "AmazonBedrockFullAccess allows bedrock:* on every resource plus marketplace subscriptions and passing Bedrock roles, so the " +
    "role can delete guardrails, disable invocation logging and run any model. On a workload role (trusted by a service such as " +
    "Lambda, ECS tasks or EC2) any code execution flaw becomes full control of Bedrock. Human IAM Identity Center roles " +
    "(AWSReservedSSO_*) are reported too, with a message saying so, because the permission set grants the same to every member.",
  remediation: {
    console: [
      "Open the IAM console, choose Roles and select the role named in the finding.",
      "On the Permissions tab, detach AmazonBedrockFullAccess.",
      "Attach a customer managed policy that allows only the Bedrock actions and resources the workload uses (for IAM Identity Center, edit the permission set instead).",
    ],
    cli: `aws iam detach-role-policy --role-name ROLE_NAME --policy-arn arn:aws:iam::aws:policy/AmazonBedrockFullAccess
aws iam attach-role-policy --role-name ROLE_NAME --policy-arn arn:aws:iam::111122223333:policy/bedrock-invoke-approved-models`,
    terraform: `# Remove any aws_iam_role_policy_attachment of AmazonBedrockFullAccess and attach a scoped policy instead.
resource "aws_iam_role_policy_attachment" "bedrock_scoped" {
  role       = aws_iam_role.workload.name
  policy_arn = aws_iam_policy.bedrock_invoke_approved_models.arn
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/security-iam-awsmanpol.html",
    "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonBedrockFullAccess.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege",
  ],
  evaluate: (inventory) => {
    const account = accountArn(inventory);
    const policyArn = `arn:${inventory.partition}:iam::aws:policy/${FULL_ACCESS}`;
    return withParts(account, { iam: inventory.iam }, ({ iam }) => {
      const findings = iam.roles.flatMap((r) => evaluateRole(r, policyArn) ?? []);
      if (findings.length > 0) return findings;
      return [draft(account, "PASS", `No role in the account has ${FULL_ACCESS} attached`, { roles: iam.roles.length })];
    });
  },
});
