import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { draft } from "../lib/iam-findings";
import { agentsByRole } from "../lib/iam-principals";

export default defineCheck({
  id: "iam-agent-role-not-shared",
  title: "Each agent has its own service role",
  severity: "low",
  category: "IAM",
  scope: "region",
  rationale:
    "When several agents share one service role, each gets the union of the permissions all of them need, and CloudTrail " +
    "cannot tell which agent did what. A role per agent keeps each agent's reach to its own model, knowledge bases and " +
    "action groups, and makes its activity attributable.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console, choose Agents and select one of the agents named in the finding.",
      "Edit the agent, choose Create and use a new service role (or pick a dedicated role), then save and prepare the agent.",
      "Remove the permissions that only the other agent needed from each role.",
    ],
    cli: `aws iam create-role --role-name AmazonBedrockExecutionRoleForAgents_billing --assume-role-policy-document file://bedrock-agent-trust.json
aws bedrock-agent update-agent --agent-id AGENT_ID --agent-name billing --foundation-model anthropic.claude-3-5-haiku-20241022-v1:0 \\
  --agent-resource-role-arn arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_billing
aws bedrock-agent prepare-agent --agent-id AGENT_ID`,
    terraform: `resource "aws_iam_role" "billing_agent" {
  name               = "AmazonBedrockExecutionRoleForAgents_billing"
  assume_role_policy = data.aws_iam_policy_document.bedrock_agent_trust.json
}

resource "aws_bedrockagent_agent" "billing" {
  agent_name              = "billing"
  agent_resource_role_arn = aws_iam_role.billing_agent.arn
  foundation_model        = "anthropic.claude-3-5-haiku-20241022-v1:0"
}`,
  },
  references: ["https://docs.aws.amazon.com/bedrock/latest/userguide/agents-permissions.html"],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { agents: inventory.bedrock.agents }, ({ agents }) => {
      if (agents.length === 0) return [draft(arn, "NOT_APPLICABLE", `No Bedrock agents in ${inventory.region}`, { agents: 0 })];
      return [...agentsByRole(agents)].map(([roleArn, list]) => {
        const names = list.map((a) => a.agentName);
        const evidence = { roleArn, agents: list.map((a) => ({ agentName: a.agentName, agentArn: a.agentArn })) };
        if (list.length >= 2)
          return draft(
            roleArn,
            "FAIL",
            `Service role ${roleArn} is shared by ${list.length} agents: ${names.join(", ")}`,
            evidence,
          );
        return draft(roleArn, "PASS", `Service role ${roleArn} is used only by agent ${names.join("")}`, evidence);
      });
    });
  },
});
