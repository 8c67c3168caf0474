import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-agent-idle-session-ttl",
  title: "Agent sessions expire after a short idle time",
  severity: "low",
  category: "Guardrails",
  scope: "region",
  rationale:
    "An agent keeps the conversation context of a session, which can include personal data and the results of tool " +
    "calls, until the session has been idle for idleSessionTTLInSeconds (up to one hour). A long idle timeout widens " +
    "the window in which a leaked or reused session ID resumes someone else's conversation.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Agents, select the agent and choose Edit in Agent builder.",
      "Under Additional settings, lower Idle session timeout to the organisation's limit.",
      "Save and prepare the agent, then update its aliases.",
    ],
    cli: `aws bedrock-agent update-agent --agent-id AGENT_ID --agent-name AGENT_NAME \\
  --agent-resource-role-arn arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_app \\
  --foundation-model anthropic.claude-3-5-sonnet-20240620-v1:0 \\
  --idle-session-ttl-in-seconds 900
aws bedrock-agent prepare-agent --agent-id AGENT_ID`,
    terraform: `resource "aws_bedrockagent_agent" "this" {
  agent_name                  = "support-agent"
  agent_resource_role_arn     = aws_iam_role.agent.arn
  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  idle_session_ttl_in_seconds = 900
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateAgent.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/agents-create.html",
  ],
  evaluate: (inventory, context) => {
    const max = context.settings.maxAgentIdleSessionSeconds;
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { agents: inventory.bedrock.agents }, ({ agents }) =>
      perResource(agents, { resourceArn: arn, message: `No agents in ${inventory.region}` }, (agent) => {
        const ttl = agent.idleSessionTTLInSeconds;
        const evidence = { agent: agent.agentName, idleSessionTTLInSeconds: ttl, maxAgentIdleSessionSeconds: max };
        if (ttl > max) {
          return finding(
            agent.agentArn,
            "FAIL",
            `Agent ${agent.agentName} keeps idle sessions ${ttl} s, more than the allowed ${max} s`,
            evidence,
          );
        }
        return finding(
          agent.agentArn,
          "PASS",
          `Agent ${agent.agentName} ends idle sessions after ${ttl} s (limit ${max} s)`,
          evidence,
        );
      }),
    );
  },
});
