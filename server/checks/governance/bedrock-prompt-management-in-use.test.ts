import { describe, expect, it } from "vitest";
import type { Prompt } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { agent, arnOf, flow, knowledgeBase } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-prompt-management-in-use";

const prompt = (name: string): Prompt => ({ id: `${name}-id`, arn: arnOf("bedrock", `prompt/${name}-id`), name });

const customModel = (name: string) => ({
  modelArn: arnOf("bedrock", `custom-model/amazon.nova-lite-v1:0:300k/${name}`),
  modelName: name,
  creationTime: "2026-10-01T00:00:00Z",
});

describe("bedrock-prompt-management-in-use", () => {
  it("passes a region that keeps prompts in Prompt Management", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.prompts = ok([prompt("triage"), prompt("summary")]);
      i.bedrock.agents = ok([agent("support")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("us-east-1 keeps 2 prompt(s) in Prompt Management: triage and summary");
    expect(f?.resourceArn).toBe("arn:aws:bedrock:us-east-1:111122223333:*");
  });

  it("fails a region that runs agents, flows and knowledge bases without managed prompts", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent("support")]);
      i.bedrock.flows = ok([flow("intake")]);
      i.bedrock.knowledgeBases = ok([knowledgeBase("policies"), knowledgeBase("faq")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "us-east-1 uses Bedrock (agent support, flow intake, knowledge base policies and 1 more) but has no managed prompts",
    );
  });

  it("counts custom models as Bedrock use", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.customModels = ok([customModel("triage-ft")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("us-east-1 uses Bedrock (custom model triage-ft) but has no managed prompts");
  });

  it("is not applicable where Bedrock is not used", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("us-east-1 has no Bedrock agents, flows, knowledge bases or custom models");
  });

  it("reports ERROR naming the action when prompts could not be listed", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.prompts = denied("bedrock:ListPrompts");
      i.bedrock.agents = ok([agent("support")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("grant bedrock:ListPrompts");
  });

  it("reports ERROR when there are no prompts and Bedrock use cannot be read, but not when prompts decide", () => {
    const withoutPrompts = inventoryWith((i) => {
      i.bedrock.agents = denied("bedrock:ListAgents");
    });
    const [e] = check.evaluate(withoutPrompts, context);
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("agents: AccessDenied calling bedrock:ListAgents (grant bedrock:ListAgents)");

    const withPrompts = inventoryWith((i) => {
      i.bedrock.prompts = ok([prompt("triage")]);
      i.bedrock.agents = denied("bedrock:ListAgents");
    });
    expect(check.evaluate(withPrompts, context)[0]?.status).toBe("PASS");
  });
});
