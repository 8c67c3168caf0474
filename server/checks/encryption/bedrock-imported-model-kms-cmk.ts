import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { modelCmkFinding, perResource } from "../lib/bedrock-findings";
import { KMS_KEY_TERRAFORM } from "../lib/kms-remediation";

export default defineCheck({
  id: "bedrock-imported-model-kms-cmk",
  title: "Imported model is encrypted with a customer managed key",
  severity: "high",
  category: "Encryption",
  scope: "region",
  rationale:
    "Custom Model Import copies your model weights into Bedrock; the weights are intellectual property and may encode " +
    "training data. A customer managed KMS key keeps control of who can use them, logs every use and lets you revoke " +
    "access. The key is chosen at import time, so an unencrypted model must be imported again.",
  remediation: {
    console: [
      "Create a customer managed symmetric KMS key whose key policy lets the import role and model users use it through Bedrock.",
      "Open Amazon Bedrock > Imported models > Import model, pick the same model files and under encryption choose the key.",
      "Move applications to the new model and delete the old import.",
    ],
    cli: `aws bedrock create-model-import-job --job-name MODEL_NAME-cmk-import --imported-model-name MODEL_NAME-cmk \\
  --role-arn arn:aws:iam::111122223333:role/BedrockModelImportRole \\
  --model-data-source '{"s3DataSource":{"s3Uri":"s3://model-bucket/MODEL_NAME/"}}' \\
  --imported-model-kms-key-id arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`,
    terraform: `# There is no Terraform resource for model import jobs: create the key here and pass its ARN
# to create-model-import-job (see the CLI command).
${KMS_KEY_TERRAFORM}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/encryption-import-model.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelImportJob.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { models: inventory.bedrock.importedModels }, ({ models }) =>
      perResource(models, { resourceArn: arn, message: `No imported models in ${inventory.region}` }, (model) =>
        modelCmkFinding("Imported model", model),
      ),
    );
  },
});
