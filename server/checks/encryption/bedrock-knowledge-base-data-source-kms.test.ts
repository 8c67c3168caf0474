import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { knowledgeBase } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-knowledge-base-data-source-kms";

describe("bedrock-knowledge-base-data-source-kms", () => {
  it("gives one finding per data source", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([
        knowledgeBase("docs", {
          dataSources: [
            { dataSourceId: "ds1", name: "wiki", status: "AVAILABLE", kmsKeyArn: "arn:aws:kms:us-east-1:111122223333:key/k1" },
            { dataSourceId: "ds2", name: "tickets", status: "AVAILABLE" },
          ],
        }),
      ]);
    });
    const [a, b] = check.evaluate(inv, context);
    expect(a?.status).toBe("PASS");
    expect(b?.status).toBe("FAIL");
    expect(b?.resourceArn).toBe(`${knowledgeBase("docs").knowledgeBaseArn}/data-source/ds2`);
    expect(b?.message).toBe(
      "Data source tickets of knowledge base docs has no customer managed key for transient ingestion storage",
    );
  });

  it("is not applicable without data sources", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([knowledgeBase("empty")]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when knowledge bases could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = denied("bedrock:GetDataSource");
    });
    expect(check.evaluate(inv, context)[0]?.message).toContain("bedrock:GetDataSource");
  });
});
