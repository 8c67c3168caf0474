import "server-only";
import { type FakeAws, page } from "./fake-aws";

const ACCOUNT = "111122223333";
const arn = (type: string, id: string) => `arn:aws:bedrock:us-east-1:${ACCOUNT}:${type}/${id}`;
const when = "2025-03-04T05:06:07Z";
const guardrail = { guardrailIdentifier: "g1", guardrailVersion: "1" };

/** Registers Bedrock Agents handlers; every list pages by `pageSize` so the collectors must follow tokens. */
export function addBedrockAgent(fake: FakeAws, pageSize = 2): FakeAws {
  const agentIds = ["a1", "a2", "a3"];
  return fake
    .rest("bedrock-agent", "ListAgents", "POST /agents/", (req) => {
      const p = page(agentIds, req.input.nextToken, pageSize);
      return {
        agentSummaries: p.items.map((id) => ({ agentId: id, agentName: id, agentStatus: "PREPARED", updatedAt: when })),
        nextToken: p.next,
      };
    })
    .rest("bedrock-agent", "GetAgent", "GET /agents/{agentId}/", (req) => {
      const id = String(req.input.agentId);
      return {
        agent: {
          agentId: id,
          agentArn: arn("agent", id),
          agentName: id,
          agentStatus: "PREPARED",
          agentVersion: "DRAFT",
          createdAt: when,
          updatedAt: when,
          agentResourceRoleArn: `arn:aws:iam::${ACCOUNT}:role/agent-${id}`,
          idleSessionTTLInSeconds: 600,
          foundationModel: "anthropic.claude",
          ...(id === "a1"
            ? { guardrailConfiguration: guardrail, customerEncryptionKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/ak` }
            : {}),
        },
      };
    })
    .rest("bedrock-agent", "ListAgentAliases", "POST /agents/{agentId}/agentaliases/", (req) => {
      const p = page(["TSTALIASID", "prod", "beta"], req.input.nextToken, pageSize);
      return {
        agentAliasSummaries: p.items.map((a) => ({ agentAliasId: a, agentAliasName: a, createdAt: when, updatedAt: when })),
        nextToken: p.next,
      };
    })
    .rest("bedrock-agent", "ListKnowledgeBases", "POST /knowledgebases/", () => ({
      knowledgeBaseSummaries: [{ knowledgeBaseId: "kb1", name: "kb1", status: "ACTIVE", updatedAt: when }],
    }))
    .rest("bedrock-agent", "GetKnowledgeBase", "GET /knowledgebases/{knowledgeBaseId}", (req) => ({
      knowledgeBase: {
        knowledgeBaseId: req.input.knowledgeBaseId,
        knowledgeBaseArn: arn("knowledge-base", "kb1"),
        name: "kb1",
        status: "ACTIVE",
        roleArn: `arn:aws:iam::${ACCOUNT}:role/kb`,
        createdAt: when,
        updatedAt: when,
        knowledgeBaseConfiguration: { type: "VECTOR" },
        storageConfiguration: { type: "OPENSEARCH_SERVERLESS" },
      },
    }))
    .rest("bedrock-agent", "ListDataSources", "POST /knowledgebases/{knowledgeBaseId}/datasources/", (req) => {
      const p = page(["ds1", "ds2", "ds3"], req.input.nextToken, pageSize);
      return {
        dataSourceSummaries: p.items.map((id) => ({
          knowledgeBaseId: "kb1",
          dataSourceId: id,
          name: id,
          status: "AVAILABLE",
          updatedAt: when,
        })),
        nextToken: p.next,
      };
    })
    .rest("bedrock-agent", "GetDataSource", "GET /knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}", (req) => ({
      dataSource: {
        knowledgeBaseId: "kb1",
        dataSourceId: req.input.dataSourceId,
        name: req.input.dataSourceId,
        status: "AVAILABLE",
        createdAt: when,
        updatedAt: when,
        dataSourceConfiguration: {
          type: "S3",
          s3Configuration: { bucketArn: `arn:aws:s3:::bucket-${String(req.input.dataSourceId)}` },
        },
        serverSideEncryptionConfiguration: { kmsKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/ds` },
      },
    }))
    .rest("bedrock-agent", "ListPrompts", "GET /prompts/", () => ({
      promptSummaries: [{ id: "p1", arn: arn("prompt", "p1"), name: "p1", version: "DRAFT", createdAt: when, updatedAt: when }],
    }))
    .rest("bedrock-agent", "GetPrompt", "GET /prompts/{promptIdentifier}/", (req) => ({
      id: req.input.promptIdentifier,
      arn: arn("prompt", "p1"),
      name: "p1",
      version: "DRAFT",
      createdAt: when,
      updatedAt: when,
    }))
    .rest("bedrock-agent", "ListFlows", "GET /flows/", () => ({
      flowSummaries: [
        { id: "f1", arn: arn("flow", "f1"), name: "f1", status: "Prepared", version: "DRAFT", createdAt: when, updatedAt: when },
      ],
    }))
    .rest("bedrock-agent", "GetFlow", "GET /flows/{flowIdentifier}/", (req) => ({
      id: req.input.flowIdentifier,
      arn: arn("flow", "f1"),
      name: "f1",
      status: "Prepared",
      version: "DRAFT",
      createdAt: when,
      updatedAt: when,
      executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/flow`,
      definition: {
        nodes: [
          { name: "In", type: "Input", outputs: [] },
          {
            name: "Ask",
            type: "Prompt",
            configuration: {
              prompt: {
                sourceConfiguration: { resource: { promptArn: arn("prompt", "p1") } },
                guardrailConfiguration: guardrail,
              },
            },
          },
          { name: "Kb", type: "KnowledgeBase", configuration: { knowledgeBase: { knowledgeBaseId: "kb1" } } },
        ],
      },
    }));
}
