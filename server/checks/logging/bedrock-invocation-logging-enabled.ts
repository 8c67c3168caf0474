import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding } from "../lib/bedrock-findings";
import { deliveredDataTypes, destinationText } from "../lib/bedrock-logging";
import { LOGGING_CLI, LOGGING_DOC, LOGGING_TERRAFORM } from "../lib/bedrock-remediation";

export default defineCheck({
  id: "bedrock-invocation-logging-enabled",
  title: "Model invocation logging is enabled",
  severity: "high",
  category: "Logging",
  scope: "region",
  rationale:
    "Model invocation logging is the only record of what was sent to a Bedrock model and what it answered, and by whom. " +
    "It is off by default and configured per region; without it, misuse, data leakage through prompts or a jailbreak " +
    "cannot be investigated after the fact. A configuration that delivers no data type records nothing useful.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console in the affected region and choose Settings.",
      "Turn on Model invocation logging and select the data types to log (at least Text).",
      "Choose CloudWatch Logs and/or S3 as destinations, with a service role Bedrock can assume to write to them.",
      "Save settings.",
    ],
    cli: LOGGING_CLI,
    terraform: LOGGING_TERRAFORM,
  },
  references: [
    LOGGING_DOC,
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PutModelInvocationLoggingConfiguration.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { loggingConfig: inventory.bedrock.loggingConfig }, ({ loggingConfig }) => {
      const region = inventory.region;
      if (!loggingConfig) {
        return [finding(arn, "FAIL", `Model invocation logging is not configured in ${region}`, { loggingConfig: null })];
      }
      const types = deliveredDataTypes(loggingConfig);
      const evidence = { loggingConfig };
      if (!loggingConfig.cloudWatchConfig && !loggingConfig.s3Config) {
        return [
          finding(
            arn,
            "FAIL",
            `Model invocation logging in ${region} has no destination (neither CloudWatch Logs nor S3)`,
            evidence,
          ),
        ];
      }
      if (types.length === 0) {
        return [
          finding(
            arn,
            "FAIL",
            `Model invocation logging in ${region} sends to ${destinationText(loggingConfig)} but delivers no data type (text, image, embedding, video and audio are all off)`,
            evidence,
          ),
        ];
      }
      return [
        finding(
          arn,
          "PASS",
          `Model invocation logging in ${region} delivers ${types.join(", ")} data to ${destinationText(loggingConfig)}`,
          evidence,
        ),
      ];
    });
  },
});
