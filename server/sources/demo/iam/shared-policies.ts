import "server-only";
import { policy, type PolicyDocument, type Statement } from "./documents";

/** CI deploy policy: agents, flows and prompts as code. Staging's older copy also cuts guardrail versions. */
export function deployerPolicy(accountId: string, withGuardrails: boolean): PolicyDocument {
  const statements: Statement[] = [
    {
      Sid: "DeployAgentsFlowsPrompts",
      Effect: "Allow",
      Action: [
        "bedrock:CreateAgent",
        "bedrock:UpdateAgent",
        "bedrock:PrepareAgent",
        "bedrock:GetAgent",
        "bedrock:ListAgents",
        "bedrock:CreateAgentAlias",
        "bedrock:UpdateAgentAlias",
        "bedrock:CreateAgentActionGroup",
        "bedrock:UpdateAgentActionGroup",
        "bedrock:AssociateAgentKnowledgeBase",
        "bedrock:UpdateFlow",
        "bedrock:PrepareFlow",
        "bedrock:CreateFlowVersion",
        "bedrock:UpdateFlowAlias",
        "bedrock:UpdatePrompt",
        "bedrock:CreatePromptVersion",
        "bedrock:GetPrompt",
        "bedrock:TagResource",
      ],
      Resource: [
        `arn:aws:bedrock:*:${accountId}:agent/*`,
        `arn:aws:bedrock:*:${accountId}:agent-alias/*`,
        `arn:aws:bedrock:*:${accountId}:flow/*`,
        `arn:aws:bedrock:*:${accountId}:prompt/*`,
      ],
    },
    {
      Sid: "PassBedrockServiceRoles",
      Effect: "Allow",
      Action: "iam:PassRole",
      Resource: [
        `arn:aws:iam::${accountId}:role/service-role/AmazonBedrockExecutionRoleForAgents_*`,
        `arn:aws:iam::${accountId}:role/service-role/AmazonBedrockFlowsExecutionRole_*`,
      ],
      Condition: { StringEquals: { "iam:PassedToService": "bedrock.amazonaws.com" } },
    },
    {
      Sid: "CloudFormation",
      Effect: "Allow",
      Action: ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet", "cloudformation:Describe*"],
      Resource: `arn:aws:cloudformation:*:${accountId}:stack/clinical-ai-*/*`,
    },
  ];
  if (withGuardrails) {
    statements.push({
      Sid: "ShipGuardrails",
      Effect: "Allow",
      Action: ["bedrock:CreateGuardrail", "bedrock:UpdateGuardrail", "bedrock:CreateGuardrailVersion", "bedrock:GetGuardrail"],
      Resource: `arn:aws:bedrock:*:${accountId}:guardrail/*`,
    });
  }
  return policy(...statements);
}

/**
 * Strata's own read-only additions on top of SecurityAudit. The sandbox still runs version 1,
 * written before ListEnforcedGuardrailsConfiguration existed (and without AmazonBedrockReadOnly).
 */
export function strataReadPolicy(version: 1 | 2): PolicyDocument {
  const bedrock = [
    "bedrock:GetModelInvocationLoggingConfiguration",
    "bedrock:ListInferenceProfiles",
    "bedrock:ListFlows",
    "bedrock:GetFlow",
    "bedrock:ListPrompts",
    "bedrock:GetPrompt",
    "bedrock:ListModelInvocationJobs",
    "bedrock:ListModelCustomizationJobs",
    "bedrock:ListImportedModels",
    "bedrock:ListDataSources",
    "bedrock:GetDataSource",
    "bedrock:GetKnowledgeBase",
  ];
  return policy(
    {
      Sid: "BedrockPosture",
      Effect: "Allow",
      Action: [
        ...bedrock,
        ...(version === 2 ? ["bedrock:ListEnforcedGuardrailsConfiguration"] : []),
        "iam:GenerateServiceLastAccessedDetails",
        "iam:GetServiceLastAccessedDetails",
        "iam:ListServiceSpecificCredentials",
        "cloudtrail:ListEventDataStores",
        "cloudtrail:GetEventDataStore",
      ],
      Resource: "*",
    },
    {
      Sid: "OrganizationsPolicies",
      Effect: "Allow",
      Action: [
        "organizations:DescribeOrganization",
        "organizations:ListPolicies",
        "organizations:DescribePolicy",
        "organizations:ListTargetsForPolicy",
        "organizations:ListParents",
      ],
      Resource: "*",
    },
  );
}
