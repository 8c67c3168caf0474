import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-batch-job-output-kms",
  title: "Batch inference output is encrypted with a customer managed key",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "Batch inference writes every prompt's model output to S3, often in bulk over sensitive records. Naming a customer " +
    "managed KMS key for the output makes Bedrock encrypt those files under a key policy you control and audit, rather " +
    "than relying on whatever default encryption the output bucket has.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key and let the batch inference service role use it.",
      "Open Amazon Bedrock > Batch inference > Create job and, under output data, choose the KMS key for the output.",
      "Set SSE-KMS default encryption on the output bucket too, so jobs that omit the key are still protected.",
    ],
    cli: `aws bedrock create-model-invocation-job --job-name JOB_NAME --model-id anthropic.claude-3-haiku-20240307-v1:0 \\
  --role-arn arn:aws:iam::111122223333:role/BedrockBatchInferenceRole \\
  --input-data-config '{"s3InputDataConfig":{"s3Uri":"s3://batch-bucket/input/"}}' \\
  --output-data-config '{"s3OutputDataConfig":{"s3Uri":"s3://batch-bucket/output/","s3EncryptionKeyId":"arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}}'`,
    terraform: `# Batch jobs are started through the API; enforce SSE-KMS on the output bucket as a backstop.
resource "aws_s3_bucket_server_side_encryption_configuration" "batch_output" {
  bucket = aws_s3_bucket.batch_output.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.bedrock.arn
    }
    bucket_key_enabled = true
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelInvocationJob.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/batch-inference-create.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { jobs: inventory.bedrock.batchJobs }, ({ jobs }) =>
      perResource(jobs, { resourceArn: arn, message: `No batch inference jobs in ${inventory.region}` }, (job) => {
        const key = job.outputS3EncryptionKeyId;
        const evidence = {
          job: job.jobName,
          status: job.status,
          outputS3Uri: job.outputS3Uri,
          outputS3EncryptionKeyId: key ?? null,
        };
        if (!key) {
          return finding(
            job.jobArn,
            "FAIL",
            `Batch job ${job.jobName} writes its output to ${job.outputS3Uri} without a customer managed key`,
            evidence,
          );
        }
        return finding(job.jobArn, "PASS", `Batch job ${job.jobName} encrypts its output with KMS key ${key}`, evidence);
      }),
    );
  },
});
