import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { agentSchema, flowSchema, knowledgeBaseSchema, promptSchema } from "@/server/inventory/bedrock";
import { partSchema } from "@/server/inventory/part";
import { z } from "zod";
import type { AwsClients } from "./clients";
import { collectBedrockAgent } from "./bedrock-agent";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { addBedrockAgent } from "./testing/bedrock-agent-fixture";

const sectionSchema = z.object({
  agents: partSchema(z.array(agentSchema)),
  knowledgeBases: partSchema(z.array(knowledgeBaseSchema)),
  prompts: partSchema(z.array(promptSchema)),
  flows: partSchema(z.array(flowSchema)),
});

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };

beforeEach(async () => {
  fake = addBedrockAgent(new FakeAws());
  clients = await startClients(fake);
});
afterEach(() => stopClients(fake, clients));

describe("collectBedrockAgent", () => {
  it("collects agents with aliases, knowledge bases with data sources, prompts and flow nodes", async () => {
    const parsed = sectionSchema.parse(await collectBedrockAgent(clients, ctx));
    expect(parsed.agents.status === "ok" && parsed.agents.data.map((a) => [a.agentId, a.aliases.length])).toEqual([
      ["a1", 3],
      ["a2", 3],
      ["a3", 3],
    ]);
    expect(parsed.agents.status === "ok" && parsed.agents.data[0]).toMatchObject({
      guardrailConfiguration: { guardrailIdentifier: "g1", guardrailVersion: "1" },
      idleSessionTTLInSeconds: 600,
    });
    expect(parsed.agents.status === "ok" && parsed.agents.data[1]).not.toHaveProperty("guardrailConfiguration");
    expect(parsed.knowledgeBases).toMatchObject({
      status: "ok",
      data: [
        {
          storageType: "OPENSEARCH_SERVERLESS",
          dataSources: [
            { bucketArn: "arn:aws:s3:::bucket-ds1" },
            {},
            { bucketArn: "arn:aws:s3:::bucket-ds3", kmsKeyArn: expect.stringContaining("key/ds") },
          ],
        },
      ],
    });
    expect(parsed.flows).toMatchObject({
      status: "ok",
      data: [
        {
          nodes: [
            { type: "Input" },
            { type: "Prompt", guardrailConfiguration: { guardrailIdentifier: "g1" } },
            { type: "KnowledgeBase" },
          ],
        },
      ],
    });
    expect(parsed.flows.status === "ok" && parsed.flows.data[0]?.nodes[2]).not.toHaveProperty("guardrailConfiguration");
    expect(parsed.prompts).toMatchObject({ status: "ok", data: [{ id: "p1" }] });
    expect(fake.callCount("bedrock-agent", "ListAgents")).toBe(2);
  });

  it("denials make only the affected part unavailable, naming the denied action", async () => {
    fake.fault("bedrock-agent", "ListAgentAliases", "denied");
    fake.fault("bedrock-agent", "ListPrompts", "denied");
    const section = await collectBedrockAgent(clients, ctx);
    expect(section.agents).toMatchObject({ status: "unavailable", action: "bedrock:ListAgentAliases" });
    expect(section.prompts).toMatchObject({ status: "unavailable", action: "bedrock:ListPrompts" });
    expect(section.knowledgeBases.status).toBe("ok");
    expect(section.flows.status).toBe("ok");
  });

  it("throttled calls succeed on retry", async () => {
    fake.fault("bedrock-agent", "GetDataSource", "throttle", 1);
    fake.fault("bedrock-agent", "ListFlows", "throttle", 1);
    const section = await collectBedrockAgent(clients, ctx);
    expect(section.knowledgeBases.status).toBe("ok");
    expect(section.flows.status).toBe("ok");
  });
});
