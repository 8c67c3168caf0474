import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding } from "../lib/bedrock-findings";
import { destinationText } from "../lib/bedrock-logging";
import { LOGGING_CLI, LOGGING_DOC, LOGGING_TERRAFORM } from "../lib/bedrock-remediation";

export default defineCheck({
  id: "bedrock-invocation-logging-text-delivery",
  title: "Invocation logging captures prompt and response text",
  severity: "medium",
  category: "Logging",
  scope: "region",
  rationale:
    "Prompts and completions are text. If text data delivery is off, invocation logs keep metadata but not the " +
    "bodies, so an investigator cannot see what was asked, what sensitive data went to the model or what it answered. " +
    "Text delivery is what makes invocation logs useful for abuse and data-leak investigations.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console in the affected region and choose Settings.",
      "Under Model invocation logging, select the Text data type (keep the other types you need).",
      "Save settings.",
    ],
    cli: LOGGING_CLI,
    terraform: LOGGING_TERRAFORM,
  },
  references: [LOGGING_DOC],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { loggingConfig: inventory.bedrock.loggingConfig }, ({ loggingConfig }) => {
      const region = inventory.region;
      if (!loggingConfig) {
        return [
          finding(arn, "NOT_APPLICABLE", `Model invocation logging is not configured in ${region}`, { loggingConfig: null }),
        ];
      }
      const evidence = { textDataDeliveryEnabled: loggingConfig.textDataDeliveryEnabled ?? null };
      if (loggingConfig.textDataDeliveryEnabled !== true) {
        return [
          finding(
            arn,
            "FAIL",
            `Model invocation logging in ${region} does not deliver text data, so prompts and responses are not recorded`,
            evidence,
          ),
        ];
      }
      return [
        finding(
          arn,
          "PASS",
          `Model invocation logging in ${region} delivers text data to ${destinationText(loggingConfig)}`,
          evidence,
        ),
      ];
    });
  },
});
