import "server-only";
import type { IamInventory } from "@/server/inventory/iam";
import { accountByKey, daysAfter, daysAgo, MANAGEMENT_ACCOUNT_ID } from "../accounts";
import { bucketArn, flow, guardrail, prompt } from "../arns";
import { MODEL, usProfileResources } from "../bedrock/catalog";
import { KEY, STAGING } from "../names";
import { stableId } from "../prng";
import { awsManagedArn } from "./aws-managed";
import { guardrailVersionArn, invokeStatements, knowledgeBaseStatements, kmsUse, retrieveStatement } from "./bedrock-statements";
import { IamBuilder } from "./build";
import { BEDROCK_INVOKE, policy, trust } from "./documents";
import { deployerPolicy, strataReadPolicy } from "./shared-policies";

const USE1 = "us-east-1";

export function stagingIam(now: Date): IamInventory {
  const { id } = accountByKey("staging");
  const b = new IamBuilder(id, now);
  const stagingGuardrail = guardrailVersionArn(id, USE1, "clinical-assistant-staging", "5");

  b.ssoRole("AdministratorAccess", { attached: [awsManagedArn("AdministratorAccess")], bedrockDays: 5 })
    .ssoRole("ReadOnly", { attached: [awsManagedArn("ReadOnlyAccess")], bedrockDays: 20 })
    .ssoRole("ClinicalAIEngineer", {
      inline: {
        "bedrock-experiments": policy(
          { Sid: "ReadBedrock", Effect: "Allow", Action: ["bedrock:Get*", "bedrock:List*"], Resource: "*" },
          {
            // Meant to require the staging guardrail; `bedrock:GuardrailArn` is not a Bedrock key, so this never matches.
            Sid: "InvokeWithStagingGuardrail",
            Effect: "Allow",
            Action: BEDROCK_INVOKE,
            Resource: [`arn:aws:bedrock:*::foundation-model/*`, `arn:aws:bedrock:*:${id}:inference-profile/*`],
            Condition: { StringLike: { "bedrock:GuardrailArn": `arn:aws:bedrock:${USE1}:${id}:guardrail/*` } },
          },
          {
            Sid: "IterateOnGuardrails",
            Effect: "Allow",
            Action: [
              "bedrock:CreateGuardrail",
              "bedrock:UpdateGuardrail",
              "bedrock:CreateGuardrailVersion",
              "bedrock:DeleteGuardrail",
            ],
            Resource: "*",
          },
        ),
      },
      bedrockDays: 2,
    })
    .role({
      name: "OrganizationAccountAccessRole",
      trust: trust.account(MANAGEMENT_ACCOUNT_ID),
      attached: [awsManagedArn("AdministratorAccess")],
      bedrockDays: null,
    });

  b.role({
    name: "halcyon-stg-clinical-notes-api-task",
    trust: trust.ecsTasks(id),
    inline: {
      "invoke-any-model": policy({
        Effect: "Allow",
        Action: BEDROCK_INVOKE,
        Resource: [
          `arn:aws:bedrock:*::foundation-model/*`,
          `arn:aws:bedrock:${USE1}:${id}:inference-profile/*`,
          `arn:aws:bedrock:${USE1}:${id}:application-inference-profile/*`,
        ],
      }),
    },
    tags: { workload: "clinical-notes" },
    bedrockDays: 0,
  })
    .role({
      name: "halcyon-stg-triage-summarizer-lambda",
      trust: trust.service("lambda.amazonaws.com"),
      inline: {
        "invoke-haiku-with-guardrail": policy(...invokeStatements(usProfileResources(id, MODEL.haiku45), [stagingGuardrail])),
      },
      attached: [awsManagedArn("AWSLambdaBasicExecutionRole")],
      bedrockDays: 1,
    })
    .role({
      // No permissions boundary yet: the boundary is rolled out by the prod pipeline only.
      name: STAGING.roles.agentNavigator,
      path: "/service-role/",
      trust: trust.bedrock(id, "agent/*"),
      inline: {
        [`${STAGING.roles.agentNavigator}-permissions`]: policy(
          ...invokeStatements(usProfileResources(id, MODEL.sonnet45)),
          retrieveStatement(id, USE1, ["clinical-formulary-stg"]),
          {
            Sid: "ApplyStagingGuardrail",
            Effect: "Allow",
            Action: ["bedrock:ApplyGuardrail", "bedrock:GetGuardrail"],
            Resource: guardrail(id, USE1, "clinical-assistant-staging").arn,
          },
        ),
      },
      bedrockDays: 0,
    })
    .role({
      name: STAGING.roles.kbFormulary,
      path: "/service-role/",
      trust: trust.bedrock(id, "knowledge-base/*"),
      inline: {
        "kb-access": policy(
          ...knowledgeBaseStatements(id, USE1, {
            embeddingModel: MODEL.titanEmbedV2,
            bucket: STAGING.buckets.formulary,
            vectorStore: {
              Sid: "OpenSearchServerlessAccess",
              Effect: "Allow",
              Action: ["aoss:APIAccessAll"],
              Resource: [`arn:aws:aoss:${USE1}:${id}:collection/formulary-vectors-stg`],
            },
          }),
        ),
      },
      bedrockDays: 3,
    })
    .role({
      name: STAGING.roles.flowDischarge,
      path: "/service-role/",
      trust: trust.bedrock(id, "flow/*"),
      inline: {
        "flow-execution": policy(
          {
            Sid: "RunFlow",
            Effect: "Allow",
            Action: ["bedrock:GetFlow"],
            Resource: flow(id, USE1, "discharge-summary-flow-stg").arn,
          },
          {
            Sid: "RenderPrompts",
            Effect: "Allow",
            Action: ["bedrock:GetPrompt", "bedrock:RenderPrompt"],
            Resource: `${prompt(id, USE1, "discharge-summary-rc").arn}:*`,
          },
          ...invokeStatements(usProfileResources(id, MODEL.sonnet45)),
          retrieveStatement(id, USE1, ["clinical-formulary-stg"]),
          kmsUse(id, USE1, KEY.stagingFlows, ["bedrock"]),
        ),
      },
      bedrockDays: 2,
    })
    .role({
      name: STAGING.roles.batchInference,
      trust: trust.bedrock(id, "model-invocation-job/*"),
      inline: {
        "batch-io": policy(
          {
            Effect: "Allow",
            Action: ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
            Resource: [bucketArn(STAGING.buckets.batch), `${bucketArn(STAGING.buckets.batch)}/*`],
          },
          ...invokeStatements(usProfileResources(id, MODEL.haiku45)),
          kmsUse(id, USE1, KEY.stagingBatch, ["s3"]),
        ),
      },
      bedrockDays: 15,
    })
    .role({
      // Data scientists' shared notebook instance.
      name: "halcyon-stg-notebook-ec2",
      trust: trust.service("ec2.amazonaws.com"),
      attached: [
        awsManagedArn("AmazonBedrockFullAccess"),
        awsManagedArn("AmazonSSMManagedInstanceCore"),
        awsManagedArn("AmazonS3ReadOnlyAccess"),
      ],
      bedrockDays: 33,
    })
    .role({
      name: "halcyon-github-deploy-staging",
      trust: trust.githubOidc(id, "repo:halcyon-health/clinical-ai-platform:*"),
      attached: [b.managed("bedrock-agent-deployer", "v2", deployerPolicy(id, true))],
      bedrockDays: 1,
    })
    .role({
      name: "StrataReadOnlyAudit",
      trust: trust.account(MANAGEMENT_ACCOUNT_ID, "strata-7f3c2a91"),
      attached: [awsManagedArn("SecurityAudit"), awsManagedArn("AmazonBedrockReadOnly")],
      inline: { "strata-extra-read": strataReadPolicy(2) },
      bedrockDays: 0,
    });

  const evalsPolicy = b.managed(
    "bedrock-evals-invoke",
    "v3",
    policy(
      ...invokeStatements([...usProfileResources(id, MODEL.sonnet45), ...usProfileResources(id, MODEL.haiku45)]),
      {
        Sid: "Evaluations",
        Effect: "Allow",
        Action: ["bedrock:CreateEvaluationJob", "bedrock:GetEvaluationJob", "bedrock:ListEvaluationJobs"],
        Resource: "*",
      },
      { Sid: "BearerToken", Effect: "Allow", Action: "bedrock:CallWithBearerToken", Resource: "*" },
    ),
  );
  b.group("ml-evals", [evalsPolicy]).user({
    // The nightly eval runner outside AWS authenticates with a 30-day Bedrock API key.
    userName: "ci-bedrock-evals",
    groups: ["ml-evals"],
    bedrockApiKeys: [
      {
        id: `ACCA${stableId.upper(`${id}/apikey/ci-bedrock-evals`, 17)}`,
        status: "Active",
        createDate: daysAgo(now, 12),
        expirationDate: daysAfter(now, 18),
      },
    ],
  });
  return b.build();
}
