import "server-only";
import type { IamInventory } from "@/server/inventory/iam";
import { accountByKey, MANAGEMENT_ACCOUNT_ID } from "../accounts";
import { applicationProfile, bucketArn, flow, foundationModelArn, guardrail, logGroupArn, prompt } from "../arns";
import { MODEL, usProfileResources } from "../bedrock/catalog";
import { KEY, PROD } from "../names";
import { awsManagedArn } from "./aws-managed";
import { guardrailVersionArn, invokeStatements, knowledgeBaseStatements, kmsUse, retrieveStatement } from "./bedrock-statements";
import { IamBuilder } from "./build";
import { policy, trust } from "./documents";
import { deployerPolicy, strataReadPolicy } from "./shared-policies";

const USE1 = "us-east-1";
const EUW1 = "eu-west-1";

export function prodIam(now: Date): IamInventory {
  const { id } = accountByKey("prod");
  const b = new IamBuilder(id, now);
  const clinicalGuardrail = guardrailVersionArn(id, USE1, "phi-clinical-assistant", "3");
  const baselineGuardrail = guardrailVersionArn(id, USE1, "phi-baseline-enforced", "2");
  const euGuardrail = guardrailVersionArn(id, EUW1, "phi-clinical-assistant-eu", "1");
  const boundary = b.managed(
    "halcyon-workload-boundary",
    "v3",
    policy(
      {
        Sid: "WorkloadCeiling",
        Effect: "Allow",
        Action: [
          "bedrock:InvokeModel",
          "bedrock:InvokeModelWithResponseStream",
          "bedrock:Retrieve",
          "bedrock:RetrieveAndGenerate",
          "bedrock:ApplyGuardrail",
          "bedrock:GetGuardrail",
          "bedrock:GetFlow",
          "bedrock:GetPrompt",
          "bedrock:RenderPrompt",
          "bedrock:GetInferenceProfile",
          "s3:GetObject",
          "s3:ListBucket",
          "s3:PutObject",
          "kms:Decrypt",
          "kms:GenerateDataKey",
          "kms:DescribeKey",
          "aoss:APIAccessAll",
          "s3vectors:QueryVectors",
          "s3vectors:GetVectors",
          "s3vectors:PutVectors",
          "logs:CreateLogStream",
          "logs:PutLogEvents",
        ],
        Resource: "*",
      },
      {
        Sid: "NoIdentityOrOrgChanges",
        Effect: "Deny",
        Action: ["iam:*", "organizations:*", "account:*", "sts:AssumeRole"],
        Resource: "*",
      },
    ),
  );
  const useWorkloadKey = kmsUse(id, USE1, KEY.prodWorkloads, ["bedrock"]);

  b.ssoRole("ReadOnly", { attached: [awsManagedArn("ReadOnlyAccess")], bedrockDays: 3 })
    .ssoRole("SecurityAudit", {
      attached: [awsManagedArn("SecurityAudit"), awsManagedArn("AmazonBedrockReadOnly")],
      bedrockDays: 1,
    })
    .ssoRole("ClinicalAIEngineer", {
      inline: {
        "bedrock-console-with-guardrail": policy(
          { Sid: "ReadBedrock", Effect: "Allow", Action: ["bedrock:Get*", "bedrock:List*"], Resource: "*" },
          ...invokeStatements(
            [
              ...usProfileResources(id, MODEL.sonnet45),
              ...usProfileResources(id, MODEL.haiku45),
              applicationProfile(id, USE1, "clinical-notes-sonnet").arn,
            ],
            [clinicalGuardrail, baselineGuardrail],
          ),
        ),
      },
      bedrockDays: 2,
    })
    .ssoRole("GuardrailAdmin", {
      inline: {
        "guardrail-administration": policy(
          {
            Sid: "AdministerGuardrailsAsAiSafety",
            Effect: "Allow",
            Action: [
              "bedrock:CreateGuardrail",
              "bedrock:UpdateGuardrail",
              "bedrock:DeleteGuardrail",
              "bedrock:CreateGuardrailVersion",
              "bedrock:PutEnforcedGuardrailConfiguration",
              "bedrock:DeleteEnforcedGuardrailConfiguration",
            ],
            Resource: "*",
            Condition: { StringEquals: { "aws:PrincipalTag/team": "ai-safety" } },
          },
          {
            Sid: "ReadGuardrails",
            Effect: "Allow",
            Action: ["bedrock:GetGuardrail", "bedrock:ListGuardrails", "bedrock:ListEnforcedGuardrailsConfiguration"],
            Resource: "*",
          },
          {
            Sid: "UseGuardrailKey",
            Effect: "Allow",
            Action: ["kms:DescribeKey", "kms:CreateGrant", "kms:Decrypt", "kms:GenerateDataKey"],
            Resource: "*",
            Condition: { StringLike: { "kms:ViaService": "bedrock.*.amazonaws.com" } },
          },
        ),
      },
      bedrockDays: 9,
    })
    .ssoRole("PlatformOperator", {
      attached: [
        b.managed(
          "platform-operator",
          "v7",
          policy(
            {
              Sid: "OperateContainers",
              Effect: "Allow",
              Action: [
                "ecs:UpdateService",
                "ecs:Describe*",
                "ecs:List*",
                "ecs:ExecuteCommand",
                "ec2:Describe*",
                "elasticloadbalancing:Describe*",
              ],
              Resource: "*",
            },
            {
              Sid: "Observe",
              Effect: "Allow",
              Action: [
                "logs:Describe*",
                "logs:Get*",
                "logs:StartQuery",
                "logs:GetQueryResults",
                "cloudwatch:Get*",
                "cloudwatch:List*",
                "cloudwatch:Describe*",
              ],
              Resource: "*",
            },
          ),
        ),
      ],
    });

  b.role({
    name: PROD.roles.clinicalNotesTask,
    trust: trust.ecsTasks(id),
    inline: {
      "invoke-with-guardrail": policy(
        ...invokeStatements(
          [...usProfileResources(id, MODEL.sonnet45), applicationProfile(id, USE1, "clinical-notes-sonnet").arn],
          [clinicalGuardrail],
        ),
      ),
    },
    attached: [
      b.managed(
        "clinical-notes-data-access",
        "v2",
        policy({
          Effect: "Allow",
          Action: ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"],
          Resource: `arn:aws:dynamodb:${USE1}:${id}:table/clinical-notes`,
        }),
      ),
    ],
    tags: { workload: "clinical-notes", "data-classification": "phi" },
    bedrockDays: 0,
  })
    .role({
      name: "halcyon-clinical-notes-api-exec",
      trust: trust.service("ecs-tasks.amazonaws.com"),
      attached: [awsManagedArn("AmazonECSTaskExecutionRolePolicy")],
    })
    .role({
      name: "halcyon-eu-notes-api-task",
      trust: trust.ecsTasks(id),
      inline: {
        "invoke-in-region": policy(
          ...invokeStatements(
            [foundationModelArn(EUW1, MODEL.haiku3), applicationProfile(id, EUW1, "clinical-notes-eu").arn],
            [euGuardrail],
          ),
        ),
      },
      tags: { workload: "clinical-notes-eu", "data-classification": "phi" },
      bedrockDays: 0,
    })
    .role({
      name: PROD.roles.triageLambda,
      trust: trust.service("lambda.amazonaws.com"),
      inline: {
        "invoke-haiku-with-guardrail": policy(
          ...invokeStatements(
            [...usProfileResources(id, MODEL.haiku45), applicationProfile(id, USE1, "prior-auth-haiku").arn],
            [clinicalGuardrail],
          ),
        ),
      },
      attached: [awsManagedArn("AWSLambdaBasicExecutionRole"), awsManagedArn("AWSLambdaVPCAccessExecutionRole")],
      tags: { workload: "triage" },
      bedrockDays: 0,
    })
    .role({
      // Replaced by the triage summarizer in spring; scheduled for deletion, still deployable.
      name: "halcyon-legacy-summarizer-lambda",
      trust: trust.service("lambda.amazonaws.com"),
      inline: {
        "bedrock-invoke": policy({
          Effect: "Allow",
          Action: ["bedrock:InvokeModel"],
          Resource: `arn:aws:bedrock:${USE1}::foundation-model/anthropic.claude-*`,
        }),
      },
      attached: [awsManagedArn("AWSLambdaBasicExecutionRole")],
      tags: { decommission: "2026-Q4" },
      bedrockDays: 214,
    });

  const agentRole = (name: string, model: string, kbs: string[]) =>
    b.role({
      name,
      path: "/service-role/",
      trust: trust.bedrock(id, "agent/*"),
      inline: {
        [`${name}-permissions`]: policy(
          ...invokeStatements(usProfileResources(id, model)),
          retrieveStatement(id, USE1, kbs),
          {
            Sid: "ApplyClinicalGuardrail",
            Effect: "Allow",
            Action: ["bedrock:ApplyGuardrail", "bedrock:GetGuardrail"],
            Resource: guardrail(id, USE1, "phi-clinical-assistant").arn,
          },
          useWorkloadKey,
        ),
      },
      boundary,
      bedrockDays: 0,
    });
  agentRole(PROD.roles.agentNavigator, MODEL.sonnet45, ["care-pathways", "clinical-formulary"]);
  agentRole(PROD.roles.agentPriorAuth, MODEL.haiku45, ["clinical-formulary"]);

  const aoss = (region: string, collection: string) => ({
    Sid: "OpenSearchServerlessAccess",
    Effect: "Allow" as const,
    Action: ["aoss:APIAccessAll"],
    Resource: [`arn:aws:aoss:${region}:${id}:collection/${collection}`],
  });
  b.role({
    name: PROD.roles.kbFormulary,
    path: "/service-role/",
    trust: trust.bedrock(id, "knowledge-base/*"),
    inline: {
      "kb-access": policy(
        ...knowledgeBaseStatements(id, USE1, {
          embeddingModel: MODEL.titanEmbedV2,
          bucket: PROD.buckets.formularyUse1,
          keyAlias: KEY.prodKnowledgeBases,
          vectorStore: aoss(USE1, "formulary-vectors"),
        }),
      ),
    },
    boundary,
    bedrockDays: 1,
  })
    .role({
      name: PROD.roles.kbCarePathways,
      path: "/service-role/",
      trust: trust.bedrock(id, "knowledge-base/*"),
      inline: {
        "kb-access": policy(
          ...knowledgeBaseStatements(id, USE1, {
            embeddingModel: MODEL.cohereEmbed,
            bucket: PROD.buckets.carePathwaysUse1,
            keyAlias: KEY.prodKnowledgeBases,
            vectorStore: {
              Sid: "S3VectorsAccess",
              Effect: "Allow",
              Action: ["s3vectors:PutVectors", "s3vectors:GetVectors", "s3vectors:QueryVectors"],
              Resource: `arn:aws:s3vectors:${USE1}:${id}:bucket/care-pathways-vectors/index/*`,
            },
          }),
        ),
      },
      boundary,
      bedrockDays: 1,
    })
    .role({
      name: PROD.roles.kbFormularyEu,
      path: "/service-role/",
      trust: trust.bedrock(id, "knowledge-base/*"),
      inline: {
        "kb-access": policy(
          ...knowledgeBaseStatements(id, EUW1, {
            embeddingModel: MODEL.titanEmbedV2,
            bucket: PROD.buckets.formularyEuw1,
            keyAlias: KEY.prodKnowledgeBases,
            vectorStore: aoss(EUW1, "formulary-vectors-eu"),
          }),
        ),
      },
      boundary,
      bedrockDays: 2,
    })
    .role({
      name: PROD.roles.flowDischarge,
      path: "/service-role/",
      trust: trust.bedrock(id, "flow/*"),
      inline: {
        "flow-execution": policy(
          {
            Sid: "RunFlow",
            Effect: "Allow",
            Action: ["bedrock:GetFlow"],
            Resource: flow(id, USE1, "discharge-summary-flow").arn,
          },
          {
            Sid: "RenderPrompts",
            Effect: "Allow",
            Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"],
            Resource: `${prompt(id, USE1, "discharge-summary").arn}:*`,
          },
          ...invokeStatements(usProfileResources(id, MODEL.sonnet45)),
          retrieveStatement(id, USE1, ["care-pathways"]),
          {
            Sid: "ApplyClinicalGuardrail",
            Effect: "Allow",
            Action: ["bedrock:ApplyGuardrail"],
            Resource: guardrail(id, USE1, "phi-clinical-assistant").arn,
          },
          useWorkloadKey,
        ),
      },
      boundary,
      bedrockDays: 0,
    })
    .role({
      name: PROD.roles.invocationLogging,
      trust: trust.bedrock(id, "*"),
      inline: {
        "write-invocation-logs": policy({
          Effect: "Allow",
          Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
          Resource: [
            `${logGroupArn(id, USE1, PROD.logGroups.invocationsUse1).replace(/:\*$/, "")}:log-stream:aws/bedrock/modelinvocations`,
            `${logGroupArn(id, EUW1, PROD.logGroups.invocationsEuw1).replace(/:\*$/, "")}:log-stream:aws/bedrock/modelinvocations`,
          ],
        }),
      },
    })
    .role({
      name: PROD.roles.batchInference,
      trust: trust.bedrock(id, "model-invocation-job/*"),
      inline: {
        "batch-io": policy(
          {
            Sid: "ReadInputWriteOutput",
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
            Resource: [bucketArn(PROD.buckets.batchUse1), `${bucketArn(PROD.buckets.batchUse1)}/*`],
            Condition: { StringEquals: { "aws:ResourceAccount": id } },
          },
          ...invokeStatements(usProfileResources(id, MODEL.haiku45)),
          kmsUse(id, USE1, KEY.prodBatch, ["s3", "bedrock"]),
        ),
      },
      bedrockDays: 1,
    })
    .role({
      name: PROD.roles.customization,
      trust: trust.bedrock(id, "model-customization-job/*"),
      inline: {
        "training-data": policy(
          {
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
            Resource: [bucketArn(PROD.buckets.artifactsUse1), `${bucketArn(PROD.buckets.artifactsUse1)}/*`],
          },
          {
            Effect: "Allow",
            Action: [
              "ec2:DescribeNetworkInterfaces",
              "ec2:DescribeVpcs",
              "ec2:DescribeDhcpOptions",
              "ec2:DescribeSubnets",
              "ec2:DescribeSecurityGroups",
              "ec2:CreateNetworkInterface",
              "ec2:CreateNetworkInterfacePermission",
              "ec2:DeleteNetworkInterface",
            ],
            Resource: "*",
          },
        ),
      },
    })
    .role({
      name: "halcyon-github-deploy",
      trust: trust.githubOidc(id, "repo:halcyon-health/clinical-ai-platform:environment:production"),
      attached: [b.managed("bedrock-agent-deployer", "v4", deployerPolicy(id, false))],
      bedrockDays: 4,
    })
    .role({
      name: "StrataReadOnlyAudit",
      trust: trust.account(MANAGEMENT_ACCOUNT_ID, "strata-7f3c2a91"),
      attached: [awsManagedArn("SecurityAudit"), awsManagedArn("AmazonBedrockReadOnly")],
      inline: { "strata-extra-read": strataReadPolicy(2) },
      bedrockDays: 0,
    });

  b.user({
    // A pharmacy-benefits vendor pushes formulary PDFs with access keys; no Bedrock access.
    userName: "svc-formulary-sync",
    groups: [],
    inline: {
      "put-formulary": policy({
        Effect: "Allow",
        Action: ["s3:PutObject", "s3:PutObjectTagging"],
        Resource: `${bucketArn(PROD.buckets.formularyUse1)}/incoming/*`,
      }),
    },
    bedrockApiKeys: [],
  });
  return b.build();
}
