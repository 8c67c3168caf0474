import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { arnOf } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-custom-model-kms-cmk";

const model = (name: string, modelKmsKeyArn?: string) => ({
  modelArn: arnOf("bedrock", `custom-model/${name}`),
  modelName: name,
  creationTime: "2026-10-01T00:00:00Z",
  ...(modelKmsKeyArn ? { modelKmsKeyArn } : {}),
});

describe("bedrock-custom-model-kms-cmk", () => {
  it("passes a model with a CMK and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.customModels = ok([model("tuned", arnOf("kms", "key/k1")), model("plain")]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(b?.status).toBe("FAIL");
    expect(b?.message).toBe("Custom model plain is encrypted with an AWS owned key, not a customer managed key");
  });

  it("is not applicable without custom models", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when custom models could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.customModels = denied("bedrock:GetCustomModel");
    });
    expect(check.evaluate(inv, context)[0]?.message).toContain("bedrock:GetCustomModel");
  });
});
