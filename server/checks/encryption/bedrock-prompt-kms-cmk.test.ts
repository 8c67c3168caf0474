import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { arnOf } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-prompt-kms-cmk";

describe("bedrock-prompt-kms-cmk", () => {
  it("passes a prompt with a CMK and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.prompts = ok([
        { id: "p1", arn: arnOf("bedrock", "prompt/p1"), name: "answer", customerEncryptionKeyArn: arnOf("kms", "key/k1") },
        { id: "p2", arn: arnOf("bedrock", "prompt/p2"), name: "summary" },
      ]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(b?.status).toBe("FAIL");
    expect(b?.message).toBe("Prompt summary is encrypted with an AWS owned key, not a customer managed key");
  });

  it("is not applicable without prompts", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.message,
    ).toBe("No managed prompts in us-east-1");
  });

  it("reports ERROR when prompts could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.prompts = denied("bedrock:GetPrompt");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
