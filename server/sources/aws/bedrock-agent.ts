import "server-only";
import {
  GetAgentCommand,
  GetDataSourceCommand,
  GetFlowCommand,
  GetKnowledgeBaseCommand,
  GetPromptCommand,
  paginateListAgentAliases,
  paginateListAgents,
  paginateListDataSources,
  paginateListFlows,
  paginateListKnowledgeBases,
  paginateListPrompts,
  type BedrockAgentClient,
  type FlowNode,
} from "@aws-sdk/client-bedrock-agent";
import { call, collectPart } from "./errors";
import { PER_SERVICE_CONCURRENCY, drain, inOrder, jsonify, mapLimit, type CollectContext, type RawSection } from "./collect-kit";

type AgentPartName = "agents" | "knowledgeBases" | "prompts" | "flows";
type Client = BedrockAgentClient;
const limit = PER_SERVICE_CONCURRENCY;

async function agents(client: Client) {
  const listed = await drain(paginateListAgents({ client }, {}), (p) => p.agentSummaries);
  return mapLimit(listed, limit, async (summary) => {
    const agentId = summary.agentId ?? "";
    // The summary lacks the role, KMS key and TTL that the checks need.
    const [{ agent }, aliases] = await inOrder(
      call("bedrock:GetAgent", client.send(new GetAgentCommand({ agentId }))),
      call(
        "bedrock:ListAgentAliases",
        drain(paginateListAgentAliases({ client }, { agentId }), (p) => p.agentAliasSummaries),
      ),
    );
    return {
      ...(jsonify(agent ?? {}) as Record<string, unknown>),
      aliases: aliases.map((a) => ({ agentAliasId: a.agentAliasId, agentAliasName: a.agentAliasName })),
    };
  });
}

async function dataSource(client: Client, knowledgeBaseId: string, dataSourceId: string) {
  const { dataSource: ds } = await call(
    "bedrock:GetDataSource",
    client.send(new GetDataSourceCommand({ knowledgeBaseId, dataSourceId })),
  );
  return jsonify({
    dataSourceId: ds?.dataSourceId,
    name: ds?.name,
    status: ds?.status,
    bucketArn: ds?.dataSourceConfiguration?.s3Configuration?.bucketArn,
    kmsKeyArn: ds?.serverSideEncryptionConfiguration?.kmsKeyArn,
  });
}

async function knowledgeBases(client: Client) {
  const listed = await drain(paginateListKnowledgeBases({ client }, {}), (p) => p.knowledgeBaseSummaries);
  return mapLimit(listed, limit, async (summary) => {
    const knowledgeBaseId = summary.knowledgeBaseId ?? "";
    // Bucket ARNs and KMS keys are only on GetDataSource, and they decide which buckets S3 collects.
    const [{ knowledgeBase: kb }, dataSources] = await inOrder(
      call("bedrock:GetKnowledgeBase", client.send(new GetKnowledgeBaseCommand({ knowledgeBaseId }))),
      call(
        "bedrock:ListDataSources",
        drain(paginateListDataSources({ client }, { knowledgeBaseId }), (p) => p.dataSourceSummaries),
      ).then((sources) => mapLimit(sources, limit, (s) => dataSource(client, knowledgeBaseId, s.dataSourceId ?? ""))),
    );
    return jsonify({
      knowledgeBaseId,
      knowledgeBaseArn: kb?.knowledgeBaseArn,
      name: kb?.name,
      status: kb?.status,
      roleArn: kb?.roleArn,
      storageType: kb?.storageConfiguration?.type,
      dataSources,
    });
  });
}

async function prompts(client: Client) {
  const listed = await drain(paginateListPrompts({ client }, {}), (p) => p.promptSummaries);
  return mapLimit(listed, limit, async (summary) => {
    const out = await call("bedrock:GetPrompt", client.send(new GetPromptCommand({ promptIdentifier: summary.id ?? "" })));
    return jsonify({ id: out.id, arn: out.arn, name: out.name, customerEncryptionKeyArn: out.customerEncryptionKeyArn });
  });
}

function flowNode(node: FlowNode) {
  const guardrail =
    node.configuration?.prompt?.guardrailConfiguration ?? node.configuration?.knowledgeBase?.guardrailConfiguration;
  return jsonify({ name: node.name, type: node.type, guardrailConfiguration: guardrail });
}

async function flows(client: Client) {
  const listed = await drain(paginateListFlows({ client }, {}), (p) => p.flowSummaries);
  return mapLimit(listed, limit, async (summary) => {
    // The working draft; published versions are a later refinement (GetFlowVersion per version).
    const out = await call("bedrock:GetFlow", client.send(new GetFlowCommand({ flowIdentifier: summary.id ?? "" })));
    return jsonify({
      id: out.id,
      arn: out.arn,
      name: out.name,
      status: out.status,
      executionRoleArn: out.executionRoleArn,
      customerEncryptionKeyArn: out.customerEncryptionKeyArn,
      nodes: (out.definition?.nodes ?? []).map(flowNode),
    });
  });
}

export async function collectBedrockAgent(
  clients: { bedrockAgent: Client },
  _ctx: CollectContext,
): Promise<RawSection<AgentPartName>> {
  const client = clients.bedrockAgent;
  const [agentsPart, kbPart, promptsPart, flowsPart] = await Promise.all([
    collectPart("bedrock:ListAgents", () => agents(client)),
    collectPart("bedrock:ListKnowledgeBases", () => knowledgeBases(client)),
    collectPart("bedrock:ListPrompts", () => prompts(client)),
    collectPart("bedrock:ListFlows", () => flows(client)),
  ]);
  return { agents: agentsPart, knowledgeBases: kbPart, prompts: promptsPart, flows: flowsPart };
}
