import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { flow } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-flow-guardrail";

const guard = { guardrailIdentifier: "gr1", guardrailVersion: "1" };

describe("bedrock-flow-guardrail", () => {
  it("passes when every Prompt and KnowledgeBase node has a guardrail", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.flows = ok([
        flow("support", {
          nodes: [
            { name: "In", type: "Input" },
            { name: "Answer", type: "Prompt", guardrailConfiguration: guard },
            { name: "Search", type: "KnowledgeBase", guardrailConfiguration: guard },
          ],
        }),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Flow support: all 2 Prompt/KnowledgeBase nodes have a guardrail");
  });

  it("fails and names the unguarded nodes", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.flows = ok([
        flow("support", {
          nodes: [
            { name: "Answer", type: "Prompt", guardrailConfiguration: guard },
            { name: "Search", type: "KnowledgeBase" },
            { name: "Summarise", type: "Prompt" },
          ],
        }),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("Flow support has KnowledgeBase node Search and Prompt node Summarise without a guardrail");
  });

  it("is not applicable to a flow without guardable nodes, and to a region without flows", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.flows = ok([flow("router", { nodes: [{ name: "Lambda", type: "LambdaFunction" }] })]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("NOT_APPLICABLE");
    const [none] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(none?.status).toBe("NOT_APPLICABLE");
    expect(none?.message).toBe("No flows in us-east-1");
  });

  it("reports ERROR when flows could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.flows = denied("bedrock:GetFlow");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:GetFlow");
  });
});
