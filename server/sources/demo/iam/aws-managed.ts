import "server-only";
import type { ManagedPolicy } from "@/server/inventory/iam";
import { awsPolicyArn } from "../arns";
import { policy, type PolicyDocument } from "./documents";

/**
 * AWS managed policies the estate attaches. Bedrock ones follow the published documents; the broad
 * read-only ones are abridged to the statements that matter for Bedrock (the originals run to
 * thousands of actions).
 */
const SAGEMAKER_BEDROCK = { StringEquals: { "aws:CalledViaLast": "bedrock.amazonaws.com" } };

const DOCUMENTS: Record<string, { path?: string; version: string; document: PolicyDocument }> = {
  AdministratorAccess: { version: "v1", document: policy({ Effect: "Allow", Action: "*", Resource: "*" }) },
  PowerUserAccess: {
    version: "v5",
    document: policy(
      { Effect: "Allow", NotAction: ["iam:*", "organizations:*", "account:*"], Resource: "*" },
      {
        Effect: "Allow",
        Action: [
          "iam:CreateServiceLinkedRole",
          "iam:DeleteServiceLinkedRole",
          "iam:ListRoles",
          "organizations:DescribeOrganization",
          "account:ListRegions",
          "account:GetAccountInformation",
        ],
        Resource: "*",
      },
    ),
  },
  AmazonBedrockFullAccess: {
    version: "v9",
    document: policy(
      { Sid: "BedrockAll", Effect: "Allow", Action: ["bedrock:*"], Resource: "*" },
      { Sid: "DescribeKey", Effect: "Allow", Action: ["kms:DescribeKey"], Resource: "arn:*:kms:*:::*" },
      {
        Sid: "APIsWithAllResourceAccess",
        Effect: "Allow",
        Action: ["iam:ListRoles", "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"],
        Resource: "*",
      },
      {
        Sid: "MarketplaceModelEndpointMutatingAPIs",
        Effect: "Allow",
        Action: [
          "sagemaker:CreateEndpoint",
          "sagemaker:CreateEndpointConfig",
          "sagemaker:CreateModel",
          "sagemaker:DeleteEndpoint",
          "sagemaker:UpdateEndpoint",
        ],
        Resource: [
          "arn:aws:sagemaker:*:*:endpoint/*",
          "arn:aws:sagemaker:*:*:endpoint-config/*",
          "arn:aws:sagemaker:*:*:model/*",
        ],
        Condition: {
          StringEquals: { "aws:CalledViaLast": "bedrock.amazonaws.com", "aws:ResourceTag/sagemaker-sdk:bedrock": "compatible" },
        },
      },
      {
        Sid: "MarketplaceModelEndpointNonMutatingAPIs",
        Effect: "Allow",
        Action: [
          "sagemaker:DescribeEndpoint",
          "sagemaker:DescribeEndpointConfig",
          "sagemaker:DescribeModel",
          "sagemaker:DescribeInferenceComponent",
          "sagemaker:ListEndpoints",
          "sagemaker:ListTags",
        ],
        Resource: [
          "arn:aws:sagemaker:*:*:endpoint/*",
          "arn:aws:sagemaker:*:*:endpoint-config/*",
          "arn:aws:sagemaker:*:*:model/*",
        ],
        Condition: SAGEMAKER_BEDROCK,
      },
      {
        Sid: "DiscoveringMarketplaceModel",
        Effect: "Allow",
        Action: ["sagemaker:DescribeHubContent"],
        Resource: [
          "arn:aws:sagemaker:*:aws:hub-content/SageMakerPublicHub/Model/*",
          "arn:aws:sagemaker:*:aws:hub/SageMakerPublicHub",
        ],
      },
      {
        Sid: "PassRoleToSageMaker",
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: ["arn:aws:iam::*:role/*SageMaker*ForBedrock*"],
        Condition: { StringEquals: { "iam:PassedToService": ["sagemaker.amazonaws.com", "bedrock.amazonaws.com"] } },
      },
      {
        Sid: "PassRoleToBedrock",
        Effect: "Allow",
        Action: ["iam:PassRole"],
        Resource: "arn:aws:iam::*:role/*AmazonBedrock*",
        Condition: { StringEquals: { "iam:PassedToService": ["bedrock.amazonaws.com"] } },
      },
      {
        Sid: "MarketplaceOperationsFromBedrockFor3pModels",
        Effect: "Allow",
        Action: ["aws-marketplace:Subscribe", "aws-marketplace:ViewSubscriptions", "aws-marketplace:Unsubscribe"],
        Resource: "*",
        Condition: SAGEMAKER_BEDROCK,
      },
    ),
  },
  AmazonBedrockReadOnly: {
    version: "v4",
    document: policy(
      { Sid: "AmazonBedrockReadOnly", Effect: "Allow", Action: ["bedrock:Get*", "bedrock:List*"], Resource: "*" },
      {
        Sid: "MarketplaceModelEndpointNonMutatingAPIs",
        Effect: "Allow",
        Action: [
          "sagemaker:DescribeEndpoint",
          "sagemaker:DescribeEndpointConfig",
          "sagemaker:DescribeModel",
          "sagemaker:DescribeInferenceComponent",
          "sagemaker:ListEndpoints",
          "sagemaker:ListTags",
        ],
        Resource: [
          "arn:aws:sagemaker:*:*:endpoint/*",
          "arn:aws:sagemaker:*:*:endpoint-config/*",
          "arn:aws:sagemaker:*:*:model/*",
        ],
        Condition: SAGEMAKER_BEDROCK,
      },
    ),
  },
  ReadOnlyAccess: {
    version: "v118",
    document: policy({
      Sid: "ReadOnlyActions",
      Effect: "Allow",
      Action: [
        "bedrock:Get*",
        "bedrock:List*",
        "cloudtrail:Describe*",
        "cloudtrail:Get*",
        "cloudtrail:List*",
        "cloudwatch:Describe*",
        "cloudwatch:Get*",
        "cloudwatch:List*",
        "ec2:Describe*",
        "ecs:Describe*",
        "ecs:List*",
        "iam:Get*",
        "iam:List*",
        "kms:Describe*",
        "kms:Get*",
        "kms:List*",
        "lambda:Get*",
        "lambda:List*",
        "logs:Describe*",
        "logs:Get*",
        "logs:FilterLogEvents",
        "logs:StartQuery",
        "organizations:Describe*",
        "organizations:List*",
        "s3:Get*",
        "s3:List*",
      ],
      Resource: "*",
    }),
  },
  SecurityAudit: {
    version: "v52",
    document: policy({
      Effect: "Allow",
      Action: [
        "bedrock:GetModelInvocationLoggingConfiguration",
        "bedrock:ListGuardrails",
        "bedrock:GetGuardrail",
        "bedrock:ListAgents",
        "bedrock:GetAgent",
        "bedrock:ListKnowledgeBases",
        "bedrock:ListCustomModels",
        "cloudtrail:DescribeTrails",
        "cloudtrail:GetEventSelectors",
        "cloudtrail:GetTrailStatus",
        "cloudwatch:DescribeAlarms",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeVpcEndpoints",
        "ec2:DescribeVpcs",
        "iam:GenerateCredentialReport",
        "iam:Get*",
        "iam:List*",
        "kms:DescribeKey",
        "kms:GetKeyPolicy",
        "kms:GetKeyRotationStatus",
        "kms:ListKeys",
        "logs:DescribeLogGroups",
        "s3:GetBucketEncryption",
        "s3:GetBucketLogging",
        "s3:GetBucketPublicAccessBlock",
        "s3:GetBucketVersioning",
        "s3:ListAllMyBuckets",
      ],
      Resource: "*",
    }),
  },
  AWSLambdaBasicExecutionRole: {
    path: "/service-role/",
    version: "v1",
    document: policy({
      Effect: "Allow",
      Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
      Resource: "*",
    }),
  },
  AWSLambdaVPCAccessExecutionRole: {
    path: "/service-role/",
    version: "v3",
    document: policy({
      Sid: "AWSLambdaVPCAccessExecutionPermissions",
      Effect: "Allow",
      Action: [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "ec2:CreateNetworkInterface",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSubnets",
        "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses",
      ],
      Resource: "*",
    }),
  },
  AmazonECSTaskExecutionRolePolicy: {
    path: "/service-role/",
    version: "v1",
    document: policy({
      Effect: "Allow",
      Action: [
        "ecr:GetAuthorizationToken",
        "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage",
        "logs:CreateLogStream",
        "logs:PutLogEvents",
      ],
      Resource: "*",
    }),
  },
  AmazonSSMManagedInstanceCore: {
    version: "v2",
    document: policy({
      Effect: "Allow",
      Action: [
        "ssm:DescribeAssociation",
        "ssm:GetDocument",
        "ssm:ListAssociations",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "ec2messages:GetMessages",
        "ec2messages:SendReply",
      ],
      Resource: "*",
    }),
  },
  AmazonS3ReadOnlyAccess: {
    version: "v3",
    document: policy({
      Effect: "Allow",
      Action: ["s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"],
      Resource: "*",
    }),
  },
  IAMUserChangePassword: {
    version: "v2",
    document: policy(
      { Effect: "Allow", Action: ["iam:ChangePassword"], Resource: ["arn:aws:iam::*:user/${aws:username}"] },
      { Effect: "Allow", Action: ["iam:GetAccountPasswordPolicy"], Resource: "*" },
    ),
  },
};

export function awsManagedArn(name: string): string {
  const entry = DOCUMENTS[name];
  if (!entry) throw new Error(`No AWS managed policy ${name} in the demo catalog`);
  return awsPolicyArn(name, entry.path);
}

export function awsManagedPolicies(): ManagedPolicy[] {
  return Object.entries(DOCUMENTS).map(([name, e]) => ({
    policyName: name,
    arn: awsPolicyArn(name, e.path),
    isAwsManaged: true,
    defaultVersionId: e.version,
    document: e.document,
  }));
}
