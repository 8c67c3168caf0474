import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { arnOf } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-imported-model-kms-cmk";

describe("bedrock-imported-model-kms-cmk", () => {
  it("passes a model with a CMK and fails one without", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.importedModels = ok([
        {
          modelArn: arnOf("bedrock", "imported-model/a"),
          modelName: "llama-a",
          modelKmsKeyArn: arnOf("kms", "key/k1"),
          creationTime: "2026-10-01T00:00:00Z",
        },
        { modelArn: arnOf("bedrock", "imported-model/b"), modelName: "llama-b", creationTime: "2026-10-01T00:00:00Z" },
      ]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(a?.message).toContain("Imported model llama-a is encrypted with KMS key");
    expect(b?.status).toBe("FAIL");
    expect(b?.message).toContain("Imported model llama-b is encrypted with an AWS owned key");
  });

  it("is not applicable without imported models", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.message,
    ).toBe("No imported models in us-east-1");
  });

  it("reports ERROR when imported models could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.importedModels = denied("bedrock:GetImportedModel");
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("ERROR");
  });
});
