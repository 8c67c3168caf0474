import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { modelCmkFinding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-custom-model-kms-cmk",
  title: "Custom model is encrypted with a customer managed key",
  severity: "high",
  category: "Encryption",
  scope: "region",
  rationale:
    "A fine-tuned or continued-pre-trained model embeds what it learned from your training data, which can be " +
    "extracted from it. Encrypting the model with a customer managed KMS key lets you control and audit who can use " +
    "it and revoke access by disabling the key. The key is fixed when the model is created, so fixing it means copying or re-creating the model.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key whose key policy lets the customization role and model users call Decrypt, GenerateDataKey, DescribeKey and CreateGrant through Bedrock.",
      "Open Amazon Bedrock > Custom models, select the model and choose Copy model, picking the key under encryption (or re-run the customization job with the key).",
      "Move provisioned throughput and applications to the new model, then delete the unencrypted one.",
    ],
    cli: `aws bedrock create-model-copy-job --source-model-arn arn:aws:bedrock:us-east-1:111122223333:custom-model/MODEL_ID \\
  --target-model-name MODEL_NAME-cmk \\
  --model-kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    terraform: `resource "aws_bedrock_custom_model" "this" {
  custom_model_name       = "support-model"
  job_name                = "support-model-ft"
  base_model_identifier   = "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1"
  role_arn                = aws_iam_role.customization.arn
  custom_model_kms_key_id = aws_kms_key.bedrock.arn
  hyperparameters         = { epochCount = "1", batchSize = "1", learningRate = "0.00001", learningRateWarmupSteps = "0" }

  training_data_config {
    s3_uri = "s3://training-bucket/data.jsonl"
  }
  output_data_config {
    s3_uri = "s3://training-bucket/output/"
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-custom-job.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelCopyJob.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { models: inventory.bedrock.customModels }, ({ models }) =>
      perResource(models, { resourceArn: arn, message: `No custom models in ${inventory.region}` }, (model) =>
        modelCmkFinding("Custom model", model),
      ),
    );
  },
});
