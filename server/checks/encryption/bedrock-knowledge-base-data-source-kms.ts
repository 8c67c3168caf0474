import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";
import { dataSourceArn } from "../lib/kms-keys";

export default defineCheck({
  id: "bedrock-knowledge-base-data-source-kms",
  title: "Knowledge base data source ingestion uses a customer managed key",
  severity: "medium",
  category: "Encryption",
  scope: "region",
  rationale:
    "While ingesting a data source, Bedrock stores your documents transiently to parse, chunk and embed them. A " +
    "customer managed KMS key on the data source encrypts that transient storage under a key policy you control, " +
    "instead of a key owned by AWS, so access to your documents stays auditable and revocable during ingestion.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key and let the knowledge base service role use it (kms:GenerateDataKey, kms:Decrypt).",
      "Open Amazon Bedrock > Knowledge bases, select the knowledge base and the data source, and choose Edit.",
      "Under Advanced settings > KMS key for transient data storage, choose the key and save; then sync the data source.",
    ],
    cli: `aws bedrock-agent update-data-source --knowledge-base-id KB_ID --data-source-id DATA_SOURCE_ID --name DATA_SOURCE_NAME \\
  --data-source-configuration '{"type":"S3","s3Configuration":{"bucketArn":"arn:aws:s3:::kb-source-bucket"}}' \\
  --server-side-encryption-configuration kmsKeyArn=arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    terraform: `resource "aws_bedrockagent_data_source" "this" {
  knowledge_base_id = aws_bedrockagent_knowledge_base.this.id
  name              = "documents"

  data_source_configuration {
    type = "S3"
    s3_configuration {
      bucket_arn = aws_s3_bucket.kb_source.arn
    }
  }

  server_side_encryption_configuration {
    kms_key_arn = aws_kms_key.bedrock.arn
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-kb.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateDataSource.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { knowledgeBases: inventory.bedrock.knowledgeBases }, ({ knowledgeBases }) => {
      const sources = knowledgeBases.flatMap((kb) => kb.dataSources.map((ds) => ({ kb, ds })));
      return perResource(
        sources,
        { resourceArn: arn, message: `No knowledge base data sources in ${inventory.region}` },
        ({ kb, ds }) => {
          const id = dataSourceArn(kb.knowledgeBaseArn, ds.dataSourceId);
          const evidence = { knowledgeBase: kb.name, dataSource: ds.name, kmsKeyArn: ds.kmsKeyArn ?? null };
          if (!ds.kmsKeyArn) {
            return finding(
              id,
              "FAIL",
              `Data source ${ds.name} of knowledge base ${kb.name} has no customer managed key for transient ingestion storage`,
              evidence,
            );
          }
          return finding(
            id,
            "PASS",
            `Data source ${ds.name} of knowledge base ${kb.name} encrypts ingestion with KMS key ${ds.kmsKeyArn}`,
            evidence,
          );
        },
      );
    });
  },
});
