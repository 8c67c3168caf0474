import "server-only";
import type { KmsKey } from "@/server/inventory/storage";
import type { DemoContext } from "./accounts";
import { kmsKey, roleArn } from "./arns";
import { ssoRoleArn } from "./iam/build";
import { policy, type PolicyDocument, type Statement } from "./iam/documents";
import { KEY } from "./names";

const rootAdmin = (accountId: string): Statement => ({
  Sid: "Enable IAM User Permissions",
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${accountId}:root` },
  Action: "kms:*",
  Resource: "*",
});

/** The two routes the Bedrock docs describe: the service principal, and account principals via Bedrock. */
const admitBedrock = (accountId: string, region: string): Statement[] => [
  {
    Sid: "AllowBedrockService",
    Effect: "Allow",
    Principal: { Service: "bedrock.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
  },
  {
    Sid: "AllowUseThroughBedrock",
    Effect: "Allow",
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: ["kms:Decrypt", "kms:GenerateDataKey", "kms:DescribeKey", "kms:CreateGrant"],
    Resource: "*",
    Condition: { StringEquals: { "kms:ViaService": `bedrock.${region}.amazonaws.com` } },
  },
];

const viaService = (accountId: string, service: string, region: string): Statement => ({
  Sid: `AllowUseThrough${service.toUpperCase()}`,
  Effect: "Allow",
  Principal: { AWS: `arn:aws:iam::${accountId}:root` },
  Action: ["kms:Decrypt", "kms:GenerateDataKey*", "kms:DescribeKey"],
  Resource: "*",
  Condition: { StringEquals: { "kms:ViaService": `${service}.${region}.amazonaws.com` } },
});

function awsManaged(ctx: DemoContext, service: "s3" | "ebs" | "lambda"): KmsKey {
  const { id } = ctx.account;
  const key = kmsKey(id, ctx.region, `aws/${service}`);
  const document: PolicyDocument = {
    Version: "2012-10-17",
    Id: `auto-${service}-2`,
    Statement: [
      {
        Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
        Effect: "Allow",
        Principal: { AWS: "*" },
        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
        Resource: "*",
        Condition: { StringEquals: { "kms:CallerAccount": id, "kms:ViaService": `${service}.${ctx.region}.amazonaws.com` } },
      },
      {
        Sid: "Allow direct access to key metadata to the account",
        Effect: "Allow",
        Principal: { AWS: `arn:aws:iam::${id}:root` },
        Action: ["kms:Describe*", "kms:Get*", "kms:List*"],
        Resource: "*",
      },
    ],
  };
  return {
    keyId: key.id,
    arn: key.arn,
    keyManager: "AWS",
    keyState: "Enabled",
    keySpec: "SYMMETRIC_DEFAULT",
    policy: document,
    rotationEnabled: true,
  };
}

function customer(
  ctx: DemoContext,
  alias: string,
  document: PolicyDocument,
  opts: { rotation: boolean; state?: string },
): KmsKey {
  const key = kmsKey(ctx.account.id, ctx.region, alias);
  return {
    keyId: key.id,
    arn: key.arn,
    keyManager: "CUSTOMER",
    keyState: opts.state ?? "Enabled",
    keySpec: "SYMMETRIC_DEFAULT",
    policy: document,
    rotationEnabled: opts.rotation,
  };
}

function logsKeyPolicy(accountId: string, region: string): PolicyDocument {
  return policy(
    rootAdmin(accountId),
    {
      Sid: "AllowCloudWatchLogs",
      Effect: "Allow",
      Principal: { Service: `logs.${region}.amazonaws.com` },
      Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
      Resource: "*",
      Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:${region}:${accountId}:log-group:*` } },
    },
    {
      Sid: "AllowBedrockLogDeliveryToS3",
      Effect: "Allow",
      Principal: { Service: "bedrock.amazonaws.com" },
      Action: ["kms:GenerateDataKey", "kms:Decrypt"],
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": accountId } },
    },
    viaService(accountId, "s3", region),
  );
}

function prodKeys(ctx: DemoContext): KmsKey[] {
  const { id } = ctx.account;
  const r = ctx.region;
  const keys = [
    customer(ctx, KEY.prodWorkloads, policy(rootAdmin(id), ...admitBedrock(id, r)), { rotation: true }),
    customer(ctx, KEY.prodKnowledgeBases, policy(rootAdmin(id), ...admitBedrock(id, r), viaService(id, "s3", r)), {
      rotation: true,
    }),
    customer(ctx, KEY.prodInvocationLogs, logsKeyPolicy(id, r), { rotation: true }),
    awsManaged(ctx, "s3"),
  ];
  if (r !== "us-east-1") return keys;
  const cloudtrail = policy(rootAdmin(id), {
    Sid: "Allow CloudTrail to encrypt logs",
    Effect: "Allow",
    Principal: { Service: "cloudtrail.amazonaws.com" },
    Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
    Resource: "*",
    Condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${id}:trail/*` } },
  });
  return [
    ...keys,
    customer(ctx, KEY.prodCloudtrail, cloudtrail, { rotation: true }),
    customer(ctx, KEY.prodBatch, policy(rootAdmin(id), ...admitBedrock(id, r), viaService(id, "s3", r)), { rotation: true }),
    awsManaged(ctx, "ebs"),
  ];
}

function stagingKeys(ctx: DemoContext): KmsKey[] {
  const { id } = ctx.account;
  if (ctx.region !== "us-east-1") return [awsManaged(ctx, "s3")];
  // Locked down by hand for an S3 data-sharing pilot, then reused for the flow: Bedrock was never added.
  const flows = policy(
    {
      Sid: "Allow access for Key Administrators",
      Effect: "Allow",
      Principal: { AWS: ssoRoleArn(id, "AdministratorAccess") },
      Action: [
        "kms:Create*",
        "kms:Describe*",
        "kms:Enable*",
        "kms:List*",
        "kms:Put*",
        "kms:Update*",
        "kms:Revoke*",
        "kms:Disable*",
        "kms:Get*",
        "kms:Delete*",
        "kms:TagResource",
        "kms:UntagResource",
        "kms:ScheduleKeyDeletion",
        "kms:CancelKeyDeletion",
      ],
      Resource: "*",
    },
    {
      Sid: "Allow use of the key through S3",
      Effect: "Allow",
      Principal: { AWS: roleArn(id, "halcyon-stg-clinical-notes-api-task") },
      Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
      Resource: "*",
      Condition: { StringEquals: { "kms:ViaService": "s3.us-east-1.amazonaws.com" } },
    },
  );
  return [
    customer(ctx, KEY.stagingFlows, flows, { rotation: false }),
    customer(ctx, KEY.stagingBatch, policy(rootAdmin(id), ...admitBedrock(id, ctx.region), viaService(id, "s3", ctx.region)), {
      rotation: true,
    }),
    awsManaged(ctx, "s3"),
  ];
}

function sandboxKeys(ctx: DemoContext): KmsKey[] {
  const { id } = ctx.account;
  if (ctx.region !== "us-east-1") return [];
  return [
    customer(ctx, KEY.sandboxModels, policy(rootAdmin(id)), { rotation: false, state: "Disabled" }),
    awsManaged(ctx, "s3"),
    awsManaged(ctx, "lambda"),
  ];
}

export function kmsKeysFor(ctx: DemoContext): KmsKey[] {
  if (ctx.account.key === "prod") return prodKeys(ctx);
  if (ctx.account.key === "staging") return stagingKeys(ctx);
  return sandboxKeys(ctx);
}

/** Sandbox eu-west-1 keys exist but the SCP sandbox-cost-controls denies every KMS call there, listing included. */
export const SANDBOX_EU_KMS_DENIED = {
  reason:
    "AccessDeniedException: User: arn:aws:sts::672443109827:assumed-role/StrataReadOnlyAudit/strata-scan is not authorized to perform: kms:ListKeys on resource: * with an explicit deny in a service control policy",
  action: "kms:ListKeys",
};
