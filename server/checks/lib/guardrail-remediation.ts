import "server-only";

export const GUARDRAIL_DOC = "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails.html";
export const GUARDRAIL_UPDATE_API_DOC = "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_UpdateGuardrail.html";

/**
 * UpdateGuardrail replaces the whole DRAFT, so the command must repeat every policy to keep;
 * applications only see the change once a new numbered version exists.
 */
export function guardrailUpdateCli(policyArgs: string): string {
  return `# update-guardrail replaces the DRAFT: repeat every policy you want to keep.
aws bedrock update-guardrail --guardrail-identifier GUARDRAIL_ID --name GUARDRAIL_NAME \\
  --blocked-input-messaging "Sorry, I can't help with that." \\
  --blocked-outputs-messaging "Sorry, I can't help with that." \\
  ${policyArgs}
aws bedrock create-guardrail-version --guardrail-identifier GUARDRAIL_ID --description "Reviewed configuration"`;
}

export function guardrailTerraform(policyBlocks: string): string {
  const indented = policyBlocks
    .split("\n")
    .map((line) => (line.length > 0 ? `  ${line}` : line))
    .join("\n");
  return `resource "aws_bedrock_guardrail" "this" {
  name                      = "app-guardrail"
  blocked_input_messaging   = "Sorry, I can't help with that."
  blocked_outputs_messaging = "Sorry, I can't help with that."

${indented}
}

resource "aws_bedrock_guardrail_version" "this" {
  guardrail_arn = aws_bedrock_guardrail.this.guardrail_arn
  description   = "Reviewed configuration"
}`;
}

export const GUARDRAIL_CONSOLE_FINISH =
  "Save, then choose Create version so applications referencing a numbered version get the change.";

export const PII_DOC = "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-sensitive-filters.html";

export const PII_CLI = guardrailUpdateCli(
  `--sensitive-information-policy-config '{"piiEntitiesConfig":[{"type":"EMAIL","action":"ANONYMIZE"},{"type":"PHONE","action":"ANONYMIZE"},{"type":"US_SOCIAL_SECURITY_NUMBER","action":"BLOCK"},{"type":"CREDIT_DEBIT_CARD_NUMBER","action":"BLOCK"},{"type":"AWS_SECRET_KEY","action":"BLOCK"}]}'`,
);

export const PII_TERRAFORM = guardrailTerraform(`sensitive_information_policy_config {
  pii_entities_config {
    type   = "EMAIL"
    action = "ANONYMIZE"
  }
  pii_entities_config {
    type   = "US_SOCIAL_SECURITY_NUMBER"
    action = "BLOCK"
  }
  pii_entities_config {
    type   = "CREDIT_DEBIT_CARD_NUMBER"
    action = "BLOCK"
  }
  pii_entities_config {
    type   = "AWS_SECRET_KEY"
    action = "BLOCK"
  }
}`);
