import "server-only";

// Remediation snippets shared by several checks, so the same fix reads the same everywhere.

export const LOGGING_CLI = `aws bedrock put-model-invocation-logging-configuration --region us-east-1 --logging-config '{
  "cloudWatchConfig": {
    "logGroupName": "/aws/bedrock/model-invocations",
    "roleArn": "arn:aws:iam::111122223333:role/BedrockInvocationLogging",
    "largeDataDeliveryS3Config": { "bucketName": "bedrock-invocation-logs-111122223333", "keyPrefix": "large/" }
  },
  "s3Config": { "bucketName": "bedrock-invocation-logs-111122223333", "keyPrefix": "invocations/" },
  "textDataDeliveryEnabled": true,
  "imageDataDeliveryEnabled": true,
  "embeddingDataDeliveryEnabled": true,
  "videoDataDeliveryEnabled": true
}'`;

export const LOGGING_TERRAFORM = `resource "aws_bedrock_model_invocation_logging_configuration" "this" {
  logging_config {
    text_data_delivery_enabled      = true
    image_data_delivery_enabled     = true
    embedding_data_delivery_enabled = true
    video_data_delivery_enabled     = true

    cloudwatch_config {
      log_group_name = aws_cloudwatch_log_group.bedrock_invocations.name
      role_arn       = aws_iam_role.bedrock_invocation_logging.arn
    }

    s3_config {
      bucket_name = aws_s3_bucket.bedrock_invocation_logs.id
      key_prefix  = "invocations/"
    }
  }
}`;

export const LOGGING_DOC = "https://docs.aws.amazon.com/bedrock/latest/userguide/model-invocation-logging.html";

export const S3_SSE_KMS_CLI = `aws s3api put-bucket-encryption --bucket BUCKET_NAME --server-side-encryption-configuration '{
  "Rules": [{
    "ApplyServerSideEncryptionByDefault": {
      "SSEAlgorithm": "aws:kms",
      "KMSMasterKeyID": "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    },
    "BucketKeyEnabled": true
  }]
}'`;

export const S3_SSE_KMS_TERRAFORM = `resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.this.arn
    }
    bucket_key_enabled = true
  }
}`;

export const S3_SSE_KMS_DOC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html";
export const S3_DEFAULT_ENCRYPTION_DOC = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html";

export const CLOUDTRAIL_TRAIL_TERRAFORM = `resource "aws_cloudtrail" "org" {
  name                          = "organization-trail"
  s3_bucket_name                = aws_s3_bucket.cloudtrail.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.cloudtrail.arn
}`;
