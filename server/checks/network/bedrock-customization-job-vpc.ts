import "server-only";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, perResource } from "../lib/bedrock-findings";

export default defineCheck({
  id: "bedrock-customization-job-vpc",
  title: "Model customization jobs run inside a VPC",
  severity: "medium",
  category: "Network",
  scope: "region",
  rationale:
    "A fine-tuning, continued pre-training or distillation job reads its whole training and validation set from S3, " +
    "typically the most sensitive data a team gives Bedrock. With a VPC configuration, Bedrock reaches that data through " +
    "network interfaces in your subnets, so your security groups, an S3 gateway endpoint, bucket policies on " +
    "aws:SourceVpce and VPC flow logs govern and record the transfer. A job without one reads the data over public service " +
    "endpoints, outside your network, where none of those controls apply. Each job is judged on its own; a region without customization jobs " +
    "is not applicable. The configuration of an existing job cannot be changed: the fix applies to the next job.",
  remediation: {
    console: [
      "Create (or pick) private subnets and a security group for customization jobs, and an S3 gateway endpoint in that VPC.",
      "Give the customization service role the ec2:CreateNetworkInterface / DescribeNetworkInterfaces / DeleteNetworkInterface / CreateNetworkInterfacePermission, DescribeVpcs, DescribeSubnets, DescribeSecurityGroups and DescribeDhcpOptions permissions.",
      "Open Amazon Bedrock > Custom models > Customize model, and under VPC settings choose the VPC, the private subnets and the security group.",
      "Restrict the training-data bucket policy to requests through the VPC endpoint (aws:SourceVpce), then rerun the job.",
    ],
    cli: `aws bedrock create-model-customization-job --job-name JOB_NAME --custom-model-name MODEL_NAME \\
  --role-arn arn:aws:iam::111122223333:role/BedrockCustomizationRole \\
  --base-model-identifier amazon.nova-lite-v1:0:300k --customization-type FINE_TUNING \\
  --hyper-parameters epochCount=2,batchSize=1,learningRate=0.00001 \\
  --training-data-config s3Uri=s3://training-bucket/train.jsonl \\
  --output-data-config s3Uri=s3://training-bucket/output/ \\
  --vpc-config '{"subnetIds":["subnet-0aaa1111","subnet-0bbb2222"],"securityGroupIds":["sg-0ccc3333"]}'`,
    terraform: `resource "aws_bedrock_custom_model" "triage" {
  custom_model_name     = "triage-classifier"
  job_name              = "triage-classifier-ft"
  base_model_identifier = data.aws_bedrock_foundation_model.nova_lite.model_arn
  role_arn              = aws_iam_role.customization.arn
  hyperparameters       = { epochCount = "2", batchSize = "1", learningRate = "0.00001" }

  training_data_config {
    s3_uri = "s3://\${aws_s3_bucket.training.id}/train.jsonl"
  }
  output_data_config {
    s3_uri = "s3://\${aws_s3_bucket.training.id}/output/"
  }
  vpc_config {
    subnet_ids         = aws_subnet.private[*].id
    security_group_ids = [aws_security_group.customization.id]
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/vpc-model-customization.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/usingVPC.html",
    "https://docs.aws.amazon.com/bedrock/latest/APIReference/API_CreateModelCustomizationJob.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(arn, { jobs: inventory.bedrock.customizationJobs }, ({ jobs }) =>
      perResource(jobs, { resourceArn: arn, message: `No model customization jobs in ${inventory.region}` }, (job) => {
        const vpc = job.vpcConfig;
        const evidence = { job: job.jobName, status: job.status, vpcConfig: vpc ?? null };
        if (!vpc) {
          return finding(
            job.jobArn,
            "FAIL",
            `Customization job ${job.jobName} has no VPC configuration: Bedrock reads its training data over the public network path, outside your VPC`,
            evidence,
          );
        }
        if (vpc.subnetIds.length === 0) {
          return finding(
            job.jobArn,
            "FAIL",
            `Customization job ${job.jobName} has a VPC configuration without subnets, so it does not run in your VPC`,
            evidence,
          );
        }
        const groups = vpc.securityGroupIds.length > 0 ? ` with security group(s) ${vpc.securityGroupIds.join(", ")}` : "";
        return finding(
          job.jobArn,
          "PASS",
          `Customization job ${job.jobName} runs in VPC subnet(s) ${vpc.subnetIds.join(", ")}${groups}`,
          evidence,
        );
      }),
    );
  },
});
