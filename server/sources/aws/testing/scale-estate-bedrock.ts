import "server-only";
import { FakeError, page, type FakeRequest } from "./fake-aws";
import { PAGE, find, summary, type EstateOf, type Rest } from "./scale-estate-kit";
import type { RegionEstate } from "./scale-estate-region-data";

/** Bedrock and Bedrock Agents handlers of the scale estate: lists page, gets look items up by id. */

export function addBedrock(rest: Rest, estate: EstateOf) {
  rest("bedrock", "GetModelInvocationLoggingConfiguration", "GET /logging/modelinvocations", (req) => estate(req).logging);
  rest("bedrock", "ListGuardrails", "GET /guardrails", (req) => {
    const id = req.input.guardrailIdentifier;
    const all = estate(req).guardrails.flatMap((g) =>
      typeof id === "string" ? (g.id === id ? [...g.versions.values()] : []) : [g.versions.get("DRAFT") ?? []].flat(),
    );
    const p = page(all, req.input.nextToken, PAGE.bedrock);
    return {
      guardrails: p.items.map((v) => ({
        id: v.guardrailId,
        arn: v.guardrailArn,
        name: v.name,
        status: v.status,
        version: v.version,
        createdAt: v.createdAt,
        updatedAt: v.updatedAt,
      })),
      nextToken: p.next,
    };
  });
  rest("bedrock", "GetGuardrail", "GET /guardrails/{guardrailIdentifier}", (req) => {
    const g = find(estate(req).guardrails, (x) => x.id === req.input.guardrailIdentifier, "guardrail");
    const version = g.versions.get(String(req.input.guardrailVersion ?? "DRAFT"));
    if (version === undefined) throw new FakeError("ResourceNotFoundException", "guardrail version not found", 404);
    return version;
  });
  rest("bedrock", "ListEnforcedGuardrailsConfiguration", "GET /enforcedGuardrailsConfiguration", (req) => ({
    guardrailsConfig: estate(req).enforced,
  }));
  // A list of summaries and a get of the full item, for custom models, imported models and customization jobs.
  type Pair = { list: string; path: string; key: string; fields: string[]; get: string; param: string; id: string };
  const pair = (p: Pair, itemsOf: (e: RegionEstate) => Record<string, unknown>[]) => {
    rest("bedrock", p.list, `GET ${p.path}`, (req) => {
      const listed = page(itemsOf(estate(req)), req.input.nextToken, PAGE.bedrock);
      return { [p.key]: listed.items.map((i) => summary(i, p.fields)), nextToken: listed.next };
    });
    rest("bedrock", p.get, `GET ${p.path}/{${p.param}}`, (req) =>
      find(itemsOf(estate(req)), (i) => i[p.id] === req.input[p.param], p.get),
    );
  };
  const modelFields = ["modelArn", "modelName", "creationTime"];
  pair(
    {
      list: "ListCustomModels",
      path: "/custom-models",
      key: "modelSummaries",
      fields: [...modelFields, "baseModelArn", "baseModelName"],
      get: "GetCustomModel",
      param: "modelIdentifier",
      id: "modelArn",
    },
    (e) => e.customModels,
  );
  pair(
    {
      list: "ListImportedModels",
      path: "/imported-models",
      key: "modelSummaries",
      fields: modelFields,
      get: "GetImportedModel",
      param: "modelIdentifier",
      id: "modelArn",
    },
    (e) => e.importedModels,
  );
  pair(
    {
      list: "ListModelCustomizationJobs",
      path: "/model-customization-jobs",
      key: "modelCustomizationJobSummaries",
      fields: ["jobArn", "jobName", "status", "creationTime", "baseModelArn"],
      get: "GetModelCustomizationJob",
      param: "jobIdentifier",
      id: "jobArn",
    },
    (e) => e.customizationJobs,
  );
  rest("bedrock", "ListModelInvocationJobs", "GET /model-invocation-jobs", (req) => {
    const p = page(estate(req).batchJobs, req.input.nextToken, PAGE.bedrock);
    return { invocationJobSummaries: p.items, nextToken: p.next };
  });
  rest("bedrock", "ListInferenceProfiles", "GET /inference-profiles", (req) => {
    const type = req.input.type === "APPLICATION" ? "APPLICATION" : "SYSTEM_DEFINED";
    const p = page(estate(req).profiles[type], req.input.nextToken, PAGE.bedrock);
    return { inferenceProfileSummaries: p.items, nextToken: p.next };
  });
}

export function addBedrockAgent(rest: Rest, estate: EstateOf) {
  const list = <T>(items: T[], token: unknown) => page(items, token, PAGE.bedrock);
  rest("bedrock-agent", "ListAgents", "POST /agents/", (req) => {
    const p = list(estate(req).agents, req.input.nextToken);
    return {
      agentSummaries: p.items.map((a) => summary(a, ["agentId", "agentName", "agentStatus", "updatedAt"])),
      nextToken: p.next,
    };
  });
  const agent = (req: FakeRequest) => find(estate(req).agents, (a) => a.agentId === req.input.agentId, "agent");
  rest("bedrock-agent", "GetAgent", "GET /agents/{agentId}/", (req) => {
    const { aliases: _aliases, ...detail } = agent(req);
    return { agent: detail };
  });
  rest("bedrock-agent", "ListAgentAliases", "POST /agents/{agentId}/agentaliases/", (req) => {
    const p = list(agent(req).aliases, req.input.nextToken);
    return {
      agentAliasSummaries: p.items.map((id, i) => ({
        agentAliasId: id,
        agentAliasName: i === 0 ? "AgentTestAlias" : `alias-${i}`,
        createdAt: "2025-06-01T10:00:00Z",
        updatedAt: "2025-06-01T10:00:00Z",
      })),
      nextToken: p.next,
    };
  });
  rest("bedrock-agent", "ListKnowledgeBases", "POST /knowledgebases/", (req) => {
    const p = list(estate(req).knowledgeBases, req.input.nextToken);
    return {
      knowledgeBaseSummaries: p.items.map((k) => summary(k, ["knowledgeBaseId", "name", "status", "updatedAt"])),
      nextToken: p.next,
    };
  });
  const kb = (req: FakeRequest) =>
    find(estate(req).knowledgeBases, (k) => k.knowledgeBaseId === req.input.knowledgeBaseId, "knowledge base");
  rest("bedrock-agent", "GetKnowledgeBase", "GET /knowledgebases/{knowledgeBaseId}", (req) => {
    const { dataSources: _sources, ...detail } = kb(req);
    return { knowledgeBase: detail };
  });
  rest("bedrock-agent", "ListDataSources", "POST /knowledgebases/{knowledgeBaseId}/datasources/", (req) => {
    const p = list(kb(req).dataSources, req.input.nextToken);
    return {
      dataSourceSummaries: p.items.map((d) => summary(d, ["knowledgeBaseId", "dataSourceId", "name", "status", "updatedAt"])),
      nextToken: p.next,
    };
  });
  rest("bedrock-agent", "GetDataSource", "GET /knowledgebases/{knowledgeBaseId}/datasources/{dataSourceId}", (req) => ({
    dataSource: find(kb(req).dataSources, (d) => d.dataSourceId === req.input.dataSourceId, "data source"),
  }));
  rest("bedrock-agent", "ListPrompts", "GET /prompts/", (req) => {
    const p = list(estate(req).prompts, req.input.nextToken);
    return {
      promptSummaries: p.items.map((x) => summary(x, ["id", "arn", "name", "version", "createdAt", "updatedAt"])),
      nextToken: p.next,
    };
  });
  rest("bedrock-agent", "GetPrompt", "GET /prompts/{promptIdentifier}/", (req) =>
    find(estate(req).prompts, (x) => x.id === req.input.promptIdentifier, "prompt"),
  );
  rest("bedrock-agent", "ListFlows", "GET /flows/", (req) => {
    const p = list(estate(req).flows, req.input.nextToken);
    return {
      flowSummaries: p.items.map((x) => summary(x, ["id", "arn", "name", "status", "version", "createdAt", "updatedAt"])),
      nextToken: p.next,
    };
  });
  rest("bedrock-agent", "GetFlow", "GET /flows/{flowIdentifier}/", (req) =>
    find(estate(req).flows, (x) => x.id === req.input.flowIdentifier, "flow"),
  );
}
