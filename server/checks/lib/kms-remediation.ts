import "server-only";

export const KMS_KEY_TERRAFORM = `resource "aws_kms_key" "bedrock" {
  description             = "Bedrock resources"
  enable_key_rotation     = true
  rotation_period_in_days = 365
  deletion_window_in_days = 30
}`;

export const KMS_KEY_POLICY_DOC = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html";
