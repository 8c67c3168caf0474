import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-agent-kms-cmk",
  title: "Agent is encrypted with a customer managed key",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "Agents store their instructions, prompt templates, action-group schemas and session data. With a customer managed " +
    "KMS key, access to that data is governed by a key policy you control, key use is logged in CloudTrail, and " +
    "disabling the key cuts off the data; with the default AWS owned key you have none of these controls.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key whose key policy allows bedrock.amazonaws.com (with aws:SourceAccount and kms:EncryptionContext:aws:bedrock:arn conditions).",
      "Open Amazon Bedrock > Agents, select the agent and choose Edit in Agent builder.",
      "Under KMS key selection choose Customize encryption settings, pick the key, save and prepare the agent.",
    ],
    cli: `aws bedrock-agent update-agent --agent-id AGENT_ID --agent-name AGENT_NAME \\
  --agent-resource-role-arn arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_app \\
  --foundation-model anthropic.claude-3-5-sonnet-20240620-v1:0 \\
  --customer-encryption-key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
aws bedrock-agent prepare-agent --agent-id AGENT_ID`,
    terraform: `resource "aws_bedrockagent_agent" "this" {
  agent_name                  = "support-agent"
  agent_resource_role_arn     = aws_iam_role.agent.arn
  foundation_model            = "anthropic.claude-3-5-sonnet-20240620-v1:0"
  customer_encryption_key_arn = aws_kms_key.bedrock.arn
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-agents.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateAgent.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { agents: inventory.bedrock.agents }, ({ agents }) =>
      perResource(agents, { resourceArn: arn, message: `No agents in ${inventory.region}` }, (agent) => {
        const key = agent.customerEncryptionKeyArn;
        const evidence = { agent: agent.agentName, customerEncryptionKeyArn: key ?? null };
        if (!key)
          return finding(
            agent.agentArn,
            "FAIL",
            `Agent ${agent.agentName} is encrypted with an AWS owned key, not a customer managed key`,
            evidence,
          );
        return finding(agent.agentArn, "PASS", `Agent ${agent.agentName} is encrypted with KMS key ${key}`, evidence);
      }),
    );
  },
});
