import "server-only";
import type { IamInventory } from "@/server/inventory/iam";
import { accountByKey, daysAfter, daysAgo, MANAGEMENT_ACCOUNT_ID } from "../accounts";
import { bucketArn, foundationModelArn, logGroupArn } from "../arns";
import { MODEL } from "../bedrock/catalog";
import { SANDBOX } from "../names";
import { stableId } from "../prng";
import { awsManagedArn } from "./aws-managed";
import { IamBuilder } from "./build";
import { policy, trust } from "./documents";
import { strataReadPolicy } from "./shared-policies";

const USE1 = "us-east-1";

export function sandboxIam(now: Date): IamInventory {
  const { id } = accountByKey("sandbox");
  const b = new IamBuilder(id, now);
  const apiKeyId = (user: string, n: number) => `ACCA${stableId.upper(`${id}/apikey/${user}/${n}`, 17)}`;

  b.ssoRole("AdministratorAccess", { attached: [awsManagedArn("AdministratorAccess")], bedrockDays: 1 })
    .ssoRole("Developer", {
      attached: [awsManagedArn("AmazonBedrockFullAccess"), awsManagedArn("AmazonS3ReadOnlyAccess")],
      inline: {
        // Added so developers can enable third-party models from the Bedrock console without asking.
        "marketplace-models": policy({
          Effect: "Allow",
          Action: ["aws-marketplace:Subscribe", "aws-marketplace:Unsubscribe", "aws-marketplace:ViewSubscriptions"],
          Resource: "*",
        }),
      },
      bedrockDays: 0,
    })
    .role({
      name: "OrganizationAccountAccessRole",
      trust: trust.account(MANAGEMENT_ACCOUNT_ID),
      attached: [awsManagedArn("AdministratorAccess")],
      bedrockDays: null,
    });

  b.role({
    name: SANDBOX.roles.agents,
    path: "/service-role/",
    // Hand-made: trusts the Bedrock service without the source-account condition.
    trust: trust.service("bedrock.amazonaws.com"),
    attached: [awsManagedArn("AmazonBedrockFullAccess")],
    inline: {
      "scratch-bucket": policy({
        Effect: "Allow",
        Action: "s3:*",
        Resource: [bucketArn(SANDBOX.buckets.scratch), `${bucketArn(SANDBOX.buckets.scratch)}/*`],
      }),
    },
    bedrockDays: 6,
  })
    .role({
      name: SANDBOX.roles.kbResearch,
      path: "/service-role/",
      trust: trust.bedrock(id, "knowledge-base/*"),
      inline: {
        "kb-access": policy(
          {
            Sid: "BedrockInvokeModelStatement",
            Effect: "Allow",
            Action: ["bedrock:InvokeModel"],
            Resource: [foundationModelArn(USE1, MODEL.titanEmbedV2)],
          },
          {
            Sid: "S3ListBucketStatement",
            Effect: "Allow",
            Action: ["s3:ListBucket", "s3:GetObject"],
            Resource: [bucketArn(SANDBOX.buckets.researchCorpus), `${bucketArn(SANDBOX.buckets.researchCorpus)}/*`],
          },
          {
            Sid: "RdsDataApi",
            Effect: "Allow",
            Action: [
              "rds-data:ExecuteStatement",
              "rds-data:BatchExecuteStatement",
              "rds:DescribeDBClusters",
              "secretsmanager:GetSecretValue",
            ],
            Resource: "*",
          },
        ),
      },
      bedrockDays: 58,
    })
    .role({
      name: SANDBOX.roles.invocationLogging,
      trust: trust.service("bedrock.amazonaws.com"),
      inline: {
        logs: policy({
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: logGroupArn(id, USE1, SANDBOX.logGroups.invocations),
        }),
      },
    })
    .role({
      name: "sandbox-model-import",
      trust: trust.bedrock(id, "model-import-job/*"),
      inline: {
        "read-weights": policy({
          Effect: "Allow",
          Action: ["s3:GetObject", "s3:ListBucket"],
          Resource: [bucketArn(SANDBOX.buckets.modelImports), `${bucketArn(SANDBOX.buckets.modelImports)}/*`],
        }),
      },
    })
    .role({
      name: "jmorales-lambda-test",
      trust: trust.service("lambda.amazonaws.com"),
      inline: { "do-everything-bedrock": policy({ Effect: "Allow", Action: "bedrock:*", Resource: "*" }) },
      attached: [awsManagedArn("AWSLambdaBasicExecutionRole")],
      bedrockDays: null,
    })
    .role({
      name: "StrataReadOnlyAudit",
      trust: trust.account(MANAGEMENT_ACCOUNT_ID, "strata-7f3c2a91"),
      attached: [awsManagedArn("SecurityAudit")],
      inline: { "strata-extra-read": strataReadPolicy(1) },
      bedrockDays: 0,
    });

  b.group("sandbox-developers", [awsManagedArn("AmazonBedrockFullAccess"), awsManagedArn("IAMUserChangePassword")])
    .user({
      userName: "dev-jmorales",
      groups: ["sandbox-developers"],
      bedrockApiKeys: [
        { id: apiKeyId("dev-jmorales", 1), status: "Active", createDate: daysAgo(now, 140) },
        { id: apiKeyId("dev-jmorales", 2), status: "Expired", createDate: daysAgo(now, 200), expirationDate: daysAgo(now, 170) },
      ],
    })
    .user({
      userName: "dev-akim",
      groups: ["sandbox-developers"],
      bedrockApiKeys: [
        { id: apiKeyId("dev-akim", 1), status: "Inactive", createDate: daysAgo(now, 75), expirationDate: daysAfter(now, 290) },
      ],
    })
    .user({
      userName: "svc-sandbox-cost-report",
      groups: [],
      inline: { "read-costs": policy({ Effect: "Allow", Action: ["ce:GetCostAndUsage", "ce:GetCostForecast"], Resource: "*" }) },
      bedrockApiKeys: [],
    });
  return b.build();
}
