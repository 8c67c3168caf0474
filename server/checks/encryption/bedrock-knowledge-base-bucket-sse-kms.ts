import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";
import { S3_DEFAULT_ENCRYPTION_DOC, S3_SSE_KMS_CLI, S3_SSE_KMS_DOC, S3_SSE_KMS_TERRAFORM } from "../lib/bedrock-remediation";
import { sseKmsVerdict } from "../lib/bedrock-s3";

export default defineCheck({
  id: "bedrock-knowledge-base-bucket-sse-kms",
  title: "Knowledge base source bucket uses SSE-KMS",
  severity: "high",
  category: "Encryption",
  scope: "region",
  rationale:
    "The S3 buckets a knowledge base ingests from hold the documents its answers are built from, often internal and " +
    "confidential. SSE-S3 is on for every bucket and does not restrict who can read objects; SSE-KMS with a customer " +
    "managed key adds a key policy and audited key use in front of every read, including the knowledge base's own.",
  remediation: {
    console: [
      "Open S3, select the knowledge base source bucket and open the Properties tab.",
      "Under Default encryption choose Edit, select SSE-KMS (or DSSE-KMS) with a customer managed key and enable the bucket key.",
      "Grant the knowledge base service role kms:Decrypt on the key, and re-encrypt existing objects (for example with S3 Batch Operations copy).",
    ],
    cli: S3_SSE_KMS_CLI,
    terraform: S3_SSE_KMS_TERRAFORM,
  },
  references: [
    S3_SSE_KMS_DOC,
    S3_DEFAULT_ENCRYPTION_DOC,
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(
      arn,
      { knowledgeBases: inventory.bedrock.knowledgeBases, buckets: inventory.s3.buckets },
      ({ knowledgeBases, buckets }) => {
        const byBucket = new Map<string, string[]>();
        for (const kb of knowledgeBases) {
          for (const ds of kb.dataSources) {
            if (ds.bucketArn) byBucket.set(ds.bucketArn, [...(byBucket.get(ds.bucketArn) ?? []), `${kb.name}/${ds.name}`]);
          }
        }
        const refs = [...byBucket].map(([bucketArn, usedBy]) => ({ bucketArn, usedBy }));
        return perResource(
          refs,
          { resourceArn: arn, message: `No knowledge base in ${inventory.region} ingests from S3` },
          ({ bucketArn, usedBy }) => {
            const name = bucketArn.split(":::")[1] ?? bucketArn;
            const bucket = buckets.find((b) => b.arn === bucketArn || b.name === name);
            if (!bucket) {
              return finding(
                bucketArn,
                "ERROR",
                `Knowledge base source bucket ${name} (used by ${usedBy.join(", ")}) is not in the inventory: it may belong to another account or could not be read`,
                {
                  bucketArn,
                  usedBy,
                },
              );
            }
            const verdict = sseKmsVerdict(bucket);
            const evidence = { bucket: bucket.name, usedBy, encryption: bucket.encryption };
            return finding(
              bucket.arn,
              verdict.pass ? "PASS" : "FAIL",
              `Knowledge base source bucket ${bucket.name} ${verdict.text}`,
              evidence,
            );
          },
        );
      },
    );
  },
});
