import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bedrockInventorySchema } from "@/server/inventory/bedrock";
import type { AwsClients } from "./clients";
import { collectBedrock } from "./bedrock";
import { FakeAws } from "./testing/fake-aws";
import { startClients, stopClients } from "./testing/test-clients";
import { addBedrock } from "./testing/bedrock-fixture";

let fake: FakeAws;
let clients: AwsClients;
const ctx = { accountId: "111122223333", region: "us-east-1" };
const emptyAgentParts = {
  agents: { status: "ok", data: [] },
  knowledgeBases: { status: "ok", data: [] },
  prompts: { status: "ok", data: [] },
  flows: { status: "ok", data: [] },
};

beforeEach(async () => {
  fake = addBedrock(new FakeAws());
  clients = await startClients(fake);
});

afterEach(() => stopClients(fake, clients));
// Stopping is idempotent; tests stop early so call counts are final before asserting.
async function teardown() {
  await fake.stop();
}

describe("collectBedrock", () => {
  it("collects every part through pagination, valid against the inventory model", async () => {
    const section = await collectBedrock(clients, ctx);
    await teardown();
    const parsed = bedrockInventorySchema.parse({ ...section, ...emptyAgentParts });
    expect(parsed.guardrails.status).toBe("ok");
    if (parsed.guardrails.status !== "ok") return;
    expect(parsed.guardrails.data.map((g) => g.id)).toEqual(["g1", "g2", "g3"]);
    expect(parsed.guardrails.data.map((g) => g.versions.map((v) => v.version))).toEqual([["1"], ["1", "2"], ["1", "2", "3"]]);
    expect(parsed.guardrails.data[2]?.draft).toMatchObject({ version: "DRAFT", createdAt: "2025-03-04T05:06:07.000Z" });
    expect(parsed.guardrails.data[1]?.versions[0]?.kmsKeyArn).toContain("key/k-g2");
    expect(parsed.customModels).toMatchObject({
      status: "ok",
      data: [{ modelKmsKeyArn: expect.stringContaining("key/cm") }, {}, {}],
    });
    expect(parsed.inferenceProfiles.status === "ok" && parsed.inferenceProfiles.data.map((p) => p.type)).toEqual([
      "SYSTEM_DEFINED",
      "APPLICATION",
    ]);
    expect(parsed.batchJobs).toMatchObject({ status: "ok", data: [{ outputS3Uri: "s3://out/", outputS3EncryptionKeyId: "k" }] });
    expect(parsed.customizationJobs).toMatchObject({ status: "ok", data: [{ vpcConfig: { subnetIds: ["subnet-1"] } }] });
    expect(parsed.loggingConfig).toMatchObject({
      status: "ok",
      data: { cloudWatchConfig: { logGroupName: "/bedrock/invocations" } },
    });
    expect(parsed.enforcedGuardrails).toMatchObject({ status: "ok", data: [{ guardrailVersion: "1", inputTags: "IGNORE" }] });
    // 3 guardrails on 2 pages; versions of g3 (DRAFT,1,2,3) on 2 pages.
    expect(fake.callCount("bedrock", "GetGuardrail")).toBe(3 + 6);
  });

  it("a denied list makes only that part unavailable, naming the action", async () => {
    fake.fault("bedrock", "ListGuardrails", "denied");
    const section = await collectBedrock(clients, ctx);
    await teardown();
    expect(section.guardrails).toMatchObject({ status: "unavailable", action: "bedrock:ListGuardrails" });
    expect(section.customModels.status).toBe("ok");
  });

  it("a denied nested Get names the nested action", async () => {
    fake.fault("bedrock", "GetGuardrail", "denied");
    fake.fault("bedrock", "GetCustomModel", "denied");
    const section = await collectBedrock(clients, ctx);
    await teardown();
    expect(section.guardrails).toMatchObject({ status: "unavailable", action: "bedrock:GetGuardrail" });
    expect(section.customModels).toMatchObject({ status: "unavailable", action: "bedrock:GetCustomModel" });
  });

  it("throttling is retried to success; a persistent 5xx is unavailable without an action", async () => {
    fake.fault("bedrock", "ListGuardrails", "throttle", 1);
    fake.fault("bedrock", "ListImportedModels", "server");
    const section = await collectBedrock(clients, ctx);
    await teardown();
    expect(section.guardrails.status).toBe("ok");
    expect(section.importedModels.status).toBe("unavailable");
    expect(section.importedModels).not.toHaveProperty("action");
    expect(section.importedModels).toMatchObject({ reason: expect.stringContaining("bedrock:ListImportedModels failed") });
  });
});
