import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText } from "../lib/bedrock-findings";

const SHOWN = 3;

/** "agent a, agent b, agent c and 2 more" */
function sample(names: readonly string[]): string {
  return names.length <= SHOWN ? listText(names) : `${names.slice(0, SHOWN).join(", ")} and ${names.length - SHOWN} more`;
}

export default defineCheck({
  id: "bedrock-prompt-management-in-use",
  title: "Regions that use Bedrock keep their prompts in Prompt Management",
  severity: "low",
  category: "Governance",
  scope: "region",
  rationale:
    "System prompts carry the instructions, safety rules and business logic of a generative AI application. Kept in " +
    "Bedrock Prompt Management they are versioned, reviewable, access-controlled with IAM, encrypted with a key you can " +
    "choose, and referenced by version from applications and flow prompt nodes, so a change is deliberate and auditable. A region that runs " +
    "agents, flows, knowledge bases or custom models but holds no managed prompt keeps them in application code or " +
    "configuration instead, where they change without review. Regions that do not use Bedrock are not applicable.",
  remediation: {
    console: [
      "Open Amazon Bedrock > Prompt management in the region named in the finding and choose Create prompt.",
      "Paste the system prompt and template, choose the model and inference settings, and optionally a customer managed KMS key.",
      "Create a version, and point the application or the flow's prompt node at that prompt version's ARN.",
      "Limit bedrock:UpdatePrompt and bedrock:CreatePromptVersion to the people who approve prompt changes.",
    ],
    cli: `aws bedrock-agent create-prompt --region us-east-1 --name discharge-summary \\
  --default-variant default --variants file://variants.json \\
  --customer-encryption-key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
aws bedrock-agent create-prompt-version --region us-east-1 --prompt-identifier PROMPT_ID`,
    terraform: `resource "aws_bedrockagent_prompt" "discharge_summary" {
  name                        = "discharge-summary"
  default_variant             = "default"
  customer_encryption_key_arn = aws_kms_key.bedrock.arn

  variant {
    name          = "default"
    model_id      = "anthropic.claude-3-5-sonnet-20240620-v1:0"
    template_type = "TEXT"
    template_configuration {
      text {
        text = "Summarise the discharge notes for the patient's GP: {{notes}}"
      }
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-create.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-deploy.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    const region = inventory.region;
    const b = inventory.bedrock;
    return withParts(arn, { prompts: b.prompts }, ({ prompts }) => {
      if (prompts.length > 0) {
        const names = prompts.map((p) => p.name);
        return [
          finding(arn, "PASS", `${region} keeps ${prompts.length} prompt(s) in Prompt Management: ${sample(names)}`, {
            prompts: names,
          }),
        ];
      }
      // Only read when needed: with prompts present the verdict does not depend on these parts.
      const usage = { agents: b.agents, flows: b.flows, knowledgeBases: b.knowledgeBases, customModels: b.customModels };
      return withParts(arn, usage, ({ agents, flows, knowledgeBases, customModels }) => {
        const uses = [
          ...agents.map((a) => `agent ${a.agentName}`),
          ...flows.map((f) => `flow ${f.name}`),
          ...knowledgeBases.map((k) => `knowledge base ${k.name}`),
          ...customModels.map((m) => `custom model ${m.modelName}`),
        ];
        const evidence = {
          prompts: 0,
          agents: agents.length,
          flows: flows.length,
          knowledgeBases: knowledgeBases.length,
          customModels: customModels.length,
        };
        if (uses.length === 0) {
          return [
            finding(arn, "NOT_APPLICABLE", `${region} has no Bedrock agents, flows, knowledge bases or custom models`, evidence),
          ];
        }
        return [
          finding(arn, "FAIL", `${region} uses Bedrock (${sample(uses)}) but has no managed prompts`, { ...evidence, uses }),
        ];
      });
    });
  },
});
