import "server-only";
import { defineCheck } from "../define-check";
import { GUARDRAIL_CONSOLE_FINISH, guardrailTerraform, guardrailUpdateCli } from "../lib/guardrail-remediation";
import { evaluateGuardrails } from "../lib/guardrail-version";

export default defineCheck({
  id: "bedrock-guardrail-kms-cmk",
  title: "Guardrail is encrypted with a customer managed key",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "A guardrail's configuration (denied topics, word lists, regex patterns for internal identifiers, blocked messages) " +
    "describes what the organisation considers sensitive. Encrypting it with a customer managed KMS key puts reading " +
    "and changing it under a key policy you control and audit, instead of an AWS owned key.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key whose key policy lets guardrail creators and users Decrypt, GenerateDataKey, DescribeKey and CreateGrant.",
      "Open Amazon Bedrock > Guardrails, select the guardrail and edit it; under KMS key selection choose Customize encryption settings and pick the key.",
      GUARDRAIL_CONSOLE_FINISH,
    ],
    cli: guardrailUpdateCli("--kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
    terraform: guardrailTerraform("kms_key_arn = aws_kms_key.bedrock.arn"),
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/guardrails-permissions-kms.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_UpdateGuardrail.html",
  ],
  evaluate: (inventory) =>
    evaluateGuardrails(inventory, ({ version, label }) => {
      const evidence = { kmsKeyArn: version.kmsKeyArn ?? null };
      if (!version.kmsKeyArn)
        return {
          status: "FAIL",
          message: `Guardrail ${label} is encrypted with an AWS owned key, not a customer managed key`,
          evidence,
        };
      return { status: "PASS", message: `Guardrail ${label} is encrypted with KMS key ${version.kmsKeyArn}`, evidence };
    }),
});
