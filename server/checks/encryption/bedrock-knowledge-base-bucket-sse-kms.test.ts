import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { bucket, knowledgeBase } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-knowledge-base-bucket-sse-kms";

const ds = (id: string, bucketName?: string) => ({
  dataSourceId: id,
  name: id,
  status: "AVAILABLE",
  ...(bucketName ? { bucketArn: `arn:aws:s3:::${bucketName}` } : {}),
});

describe("bedrock-knowledge-base-bucket-sse-kms", () => {
  it("evaluates each source bucket once", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([
        knowledgeBase("docs", { dataSources: [ds("a", "kb-kms"), ds("b", "kb-s3"), ds("c", "kb-kms"), ds("web")] }),
      ]);
      i.s3.buckets = ok([bucket("kb-kms"), bucket("kb-s3", { encryption: { algorithm: "AES256" } })]);
    });
    const findings = check.evaluate(inv, context);
    expect(findings.map((f) => [f.resourceArn, f.status])).toEqual([
      ["arn:aws:s3:::kb-kms", "PASS"],
      ["arn:aws:s3:::kb-s3", "FAIL"],
    ]);
    expect(findings[1]?.message).toBe("Knowledge base source bucket kb-s3 uses AES256 (SSE-S3), not SSE-KMS");
  });

  it("reports ERROR for a source bucket missing from the inventory", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([knowledgeBase("docs", { dataSources: [ds("a", "elsewhere")] })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("elsewhere (used by docs/a) is not in the inventory");
  });

  it("is not applicable when no knowledge base reads from S3", () => {
    expect(
      check.evaluate(
        inventoryWith(() => {}),
        context,
      )[0]?.status,
    ).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when buckets could not be read", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([knowledgeBase("docs", { dataSources: [ds("a", "kb")] })]);
      i.s3.buckets = denied("s3:GetEncryptionConfiguration");
    });
    expect(check.evaluate(inv, context)[0]?.message).toContain("s3:GetEncryptionConfiguration");
  });
});
