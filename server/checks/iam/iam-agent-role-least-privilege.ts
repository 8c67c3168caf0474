import "server-only";
import type { Agent } from "@/server/inventory/bedrock";
import type { IamInventory } from "@/server/inventory/iam";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { statementAllows } from "../lib/iam-access";
import { draft, guarded } from "../lib/iam-findings";
import { grantsText } from "../lib/iam-grants";
import { statementLabel } from "../lib/iam-policy";
import { agentsByRole, loadPrincipals } from "../lib/iam-principals";
import type { DecidingStatement } from "../lib/iam-simulate";

// An action in no real service: only `*` (or `*:*`) grants it.
const ANY_ACTION = "strataprobe:UnlistedAction";
const BROAD_MANAGED = ["AdministratorAccess", "AmazonBedrockFullAccess"];

function allActionStatements(iam: IamInventory, roleArn: string): DecidingStatement[] | string {
  const { principals, problems } = loadPrincipals(iam);
  const problem = problems.find((p) => p.arn === roleArn);
  if (problem) return problem.problems.join("; ");
  const p = principals.find((x) => x.arn === roleArn);
  if (!p) return [];
  return p.policies.flatMap((policy) =>
    policy.statements.flatMap((statement, index) =>
      statement.Effect === "Allow" && statementAllows(p, policy, index, ANY_ACTION, "*")
        ? [{ policy: policy.name, kind: policy.kind, index, label: statementLabel(statement, index), statement }]
        : [],
    ),
  );
}

function evaluateRole(iam: IamInventory, roleArn: string, agents: Agent[], partition: string): FindingDraft {
  const names = agents.map((a) => a.agentName).join(", ");
  const role = iam.roles.find((r) => r.arn === roleArn);
  if (!role)
    return draft(roleArn, "ERROR", `Could not evaluate the role of agent(s) ${names}: ${roleArn} is not in the IAM inventory`, {
      agents: names,
    });
  const wildcard = allActionStatements(iam, roleArn);
  if (typeof wildcard === "string")
    return draft(roleArn, "ERROR", `Could not evaluate role ${role.roleName} (agents ${names}): ${wildcard}`, { agents: names });
  const broad = BROAD_MANAGED.filter((n) =>
    role.attachedPolicies.some((a) => a.policyArn === `arn:${partition}:iam::aws:policy/${n}`),
  );
  const reasons = [
    ...broad.map((n) => `${n} is attached`),
    ...(wildcard.length > 0 ? [`it is allowed every action ("*") by ${grantsText(wildcard, "action")}`] : []),
    ...(role.permissionsBoundaryArn ? [] : ["it has no permissions boundary"]),
  ];
  const evidence = {
    agents: agents.map((a) => a.agentArn),
    attachedPolicies: role.attachedPolicies,
    permissionsBoundaryArn: role.permissionsBoundaryArn ?? null,
  };
  if (reasons.length > 0)
    return draft(
      roleArn,
      "FAIL",
      `Agent role ${role.roleName} (used by ${names}) is not least privilege: ${reasons.join("; ")}`,
      evidence,
    );
  return draft(
    roleArn,
    "PASS",
    `Agent role ${role.roleName} (used by ${names}) has a permissions boundary and no administrator, full-access or "*" grant`,
    evidence,
  );
}

export default defineCheck({
  id: "iam-agent-role-least-privilege",
  title: "Agent service roles are least privilege and bounded",
  severity: "high",
  category: "IAM",
  scope: "region",
  rationale:
    "A Bedrock agent acts with its service role, and what it does is steered by prompts, including injected ones. If that " +
    "role has AdministratorAccess, AmazonBedrockFullAccess or `*` actions, a prompt injection can become full account " +
    "access. A permissions boundary caps what the role can ever be granted, even if someone later attaches a broader policy.",
  remediation: {
    console: [
      "Open the IAM console and select the agent's service role (AmazonBedrockExecutionRoleForAgents_*).",
      "Detach AdministratorAccess / AmazonBedrockFullAccess and remove statements that allow `*`.",
      "Allow only bedrock:InvokeModel on the agent's model and the knowledge bases, Lambda functions and guardrail it uses.",
      "Set a permissions boundary on the role (Permissions boundary > Set boundary).",
    ],
    cli: `aws iam detach-role-policy --role-name AmazonBedrockExecutionRoleForAgents_EXAMPLE --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
aws iam put-role-permissions-boundary --role-name AmazonBedrockExecutionRoleForAgents_EXAMPLE --permissions-boundary arn:aws:iam::111122223333:policy/bedrock-agent-boundary`,
    terraform: `resource "aws_iam_role" "agent" {
  name                 = "AmazonBedrockExecutionRoleForAgents_support"
  assume_role_policy   = data.aws_iam_policy_document.bedrock_agent_trust.json
  permissions_boundary = aws_iam_policy.bedrock_agent_boundary.arn
}

resource "aws_iam_role_policy" "agent" {
  role = aws_iam_role.agent.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["bedrock:InvokeModel"], Resource = [data.aws_bedrock_foundation_model.claude.model_arn] }]
  })
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { agents: inventory.bedrock.agents, iam: inventory.iam }, ({ agents, iam }) => {
      if (agents.length === 0) return [draft(arn, "NOT_APPLICABLE", `No Bedrock agents in ${inventory.region}`, { agents: 0 })];
      return [...agentsByRole(agents)].flatMap(([roleArn, list]) =>
        guarded(roleArn, `agent role ${roleArn}`, () => [evaluateRole(iam, roleArn, list, inventory.partition)]),
      );
    });
  },
});
