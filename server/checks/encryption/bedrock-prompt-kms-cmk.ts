import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-prompt-kms-cmk",
  title: "Managed prompt is encrypted with a customer managed key",
  severity: "low",
  category: "Encryption",
  scope: "region",
  rationale:
    "Prompts kept in Bedrock Prompt Management carry system instructions, business rules and sometimes example data. " +
    "A customer managed KMS key makes reading them subject to a key policy you control and audit; the default AWS " +
    "owned key gives no such control.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key whose key policy allows bedrock.amazonaws.com with kms:EncryptionContext:aws:bedrock-prompts:arn and aws:SourceAccount conditions.",
      "Open Amazon Bedrock > Prompt management, select the prompt and edit it; under KMS key selection choose the key.",
      "Save the draft and create a new prompt version.",
    ],
    cli: `aws bedrock-agent update-prompt --prompt-identifier PROMPT_ID --name PROMPT_NAME \\
  --default-variant default --variants file://variants.json \\
  --customer-encryption-key-arn arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
aws bedrock-agent create-prompt-version --prompt-identifier PROMPT_ID`,
    terraform: `resource "aws_bedrockagent_prompt" "this" {
  name                        = "support-answer"
  default_variant             = "default"
  customer_encryption_key_arn = aws_kms_key.bedrock.arn

  variant {
    name          = "default"
    model_id      = "anthropic.claude-3-5-sonnet-20240620-v1:0"
    template_type = "TEXT"
    template_configuration {
      text {
        text = "Answer the customer's question: {{question}}"
      }
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-management-prereq.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdatePrompt.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { prompts: inventory.bedrock.prompts }, ({ prompts }) =>
      perResource(prompts, { resourceArn: arn, message: `No managed prompts in ${inventory.region}` }, (prompt) => {
        const key = prompt.customerEncryptionKeyArn;
        const evidence = { prompt: prompt.name, customerEncryptionKeyArn: key ?? null };
        if (!key)
          return finding(
            prompt.arn,
            "FAIL",
            `Prompt ${prompt.name} is encrypted with an AWS owned key, not a customer managed key`,
            evidence,
          );
        return finding(prompt.arn, "PASS", `Prompt ${prompt.name} is encrypted with KMS key ${key}`, evidence);
      }),
    );
  },
});
