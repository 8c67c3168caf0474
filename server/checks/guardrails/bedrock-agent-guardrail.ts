import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-agent-guardrail",
  title: "Agent has a guardrail",
  severity: "high",
  category: "Guardrails",
  scope: "region",
  rationale:
    "Agents take user input, call tools and act on data, which makes them the most exposed Bedrock component to prompt " +
    "injection and harmful output. A guardrail associated with the agent evaluates every user turn and the agent's " +
    "final responses; without one, the agent relies on its model and instructions alone.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Agents and select the agent, then choose Edit in Agent builder.",
      "Under Guardrail details, choose the guardrail and a numbered version.",
      "Save, choose Prepare, and create a new alias version so production aliases use it.",
    ],
    cli: `aws bedrock-agent update-agent --agent-id AGENT_ID --agent-name AGENT_NAME \\
  --agent-resource-role-arn arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_app \\
  --foundation-model anthropic.claude-3-5-sonnet-20240620-v1:0 \\
  --guardrail-configuration guardrailIdentifier=GUARDRAIL_ID,guardrailVersion=1
aws bedrock-agent prepare-agent --agent-id AGENT_ID`,
    terraform: `resource "aws_bedrockagent_agent" "this" {
  agent_name              = "support-agent"
  agent_resource_role_arn = aws_iam_role.agent.arn
  foundation_model        = "anthropic.claude-3-5-sonnet-20240620-v1:0"

  guardrail_configuration {
    guardrail_identifier = aws_bedrock_guardrail.this.guardrail_id
    guardrail_version    = aws_bedrock_guardrail_version.this.version
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/agents-guardrail.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateAgent.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { agents: inventory.bedrock.agents }, ({ agents }) =>
      perResource(agents, { resourceArn: arn, message: `No agents in ${inventory.region}` }, (agent) => {
        const g = agent.guardrailConfiguration;
        const evidence = { agent: agent.agentName, guardrailConfiguration: g ?? null };
        if (!g) return finding(agent.agentArn, "FAIL", `Agent ${agent.agentName} has no guardrail`, evidence);
        return finding(
          agent.agentArn,
          "PASS",
          `Agent ${agent.agentName} uses guardrail ${g.guardrailIdentifier} version ${g.guardrailVersion}`,
          evidence,
        );
      }),
    );
  },
});
