import "server-only";
import { defineCheck } from "../define-check";
import { evaluateLogBuckets } from "../lib/bedrock-logging";
import { S3_DEFAULT_ENCRYPTION_DOC, S3_SSE_KMS_CLI, S3_SSE_KMS_DOC, S3_SSE_KMS_TERRAFORM } from "../lib/bedrock-remediation";
import { sseKmsVerdict } from "../lib/bedrock-s3";

export default defineCheck({
  id: "bedrock-invocation-log-bucket-sse-kms",
  title: "Invocation log bucket uses SSE-KMS",
  severity: "high",
  category: "Logging",
  scope: "region",
  rationale:
    "The S3 destination of invocation logs (and the bucket for payloads too large for CloudWatch) holds full prompts and " +
    "responses. Every bucket has SSE-S3 since 2023, which protects against lost disks but not against anyone with " +
    "s3:GetObject; SSE-KMS adds a key policy and CloudTrail-audited key use in front of every read.",
  remediation: {
    console: [
      "Open S3 and select the invocation-log bucket, then the Properties tab.",
      "Under Default encryption choose Edit, select SSE-KMS (or DSSE-KMS) with a customer managed key and enable the bucket key.",
      "Make sure the key policy lets the Bedrock logging role (or bedrock.amazonaws.com) use the key, then save.",
    ],
    cli: S3_SSE_KMS_CLI,
    terraform: S3_SSE_KMS_TERRAFORM,
  },
  references: [
    S3_SSE_KMS_DOC,
    S3_DEFAULT_ENCRYPTION_DOC,
    "https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html",
  ],
  evaluate: (inventory) =>
    evaluateLogBuckets(inventory, (bucket) => {
      const verdict = sseKmsVerdict(bucket);
      return {
        status: verdict.pass ? "PASS" : "FAIL",
        message: `Invocation-log bucket ${bucket.name} ${verdict.text}`,
        evidence: { encryption: bucket.encryption },
      };
    }),
});
