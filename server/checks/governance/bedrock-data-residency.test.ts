import { describe, expect, it } from "vitest";
import type { Guardrail, KnowledgeBase } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import type { Bucket } from "@/server/inventory/storage";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-data-residency";

const version = {
  version: "DRAFT",
  status: "READY" as const,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};
const guardrail: Guardrail = {
  id: "g1",
  arn: "arn:aws:bedrock:ap-south-1:111122223333:guardrail/g1",
  name: "pii",
  draft: version,
  versions: [],
};
const kb: KnowledgeBase = {
  knowledgeBaseId: "KB1",
  knowledgeBaseArn: "arn:aws:bedrock:us-east-1:111122223333:knowledge-base/KB1",
  name: "docs",
  status: "ACTIVE",
  roleArn: "arn:aws:iam::111122223333:role/kb",
  storageType: "OPENSEARCH_SERVERLESS",
  dataSources: [{ dataSourceId: "DS1", name: "s3", status: "AVAILABLE", bucketArn: "arn:aws:s3:::kb-docs" }],
};
const bucket = (name: string, region: string): Bucket => ({
  name,
  arn: `arn:aws:s3:::${name}`,
  region,
  encryption: null,
  publicAccessBlock: null,
  versioning: "Enabled",
  objectLockEnabled: false,
  accessLoggingEnabled: false,
});

describe("bedrock-data-residency", () => {
  it("passes an approved region whose KB bucket is in an approved region", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([kb]);
      i.s3.buckets = ok([bucket("kb-docs", "us-east-2")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain(
      "us-east-1 is an approved region and its knowledge-base and invocation-log buckets (kb-docs) are in approved regions",
    );
  });

  it("fails when the invocation-log bucket is in an unapproved region", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.loggingConfig = ok({ s3Config: { bucketName: "logs" }, textDataDeliveryEnabled: true });
      i.s3.buckets = ok([bucket("logs", "ap-southeast-1")]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "Bedrock data from us-east-1 is stored outside the approved regions: bucket logs in ap-southeast-1 (invocation logs)",
    );
  });

  it("fails an unapproved region holding Bedrock resources, and is not applicable when it is empty", () => {
    const busy = inventoryWith((i) => {
      i.region = "ap-south-1";
      i.bedrock.guardrails = ok([guardrail]);
    });
    const [f] = check.evaluate(busy, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("ap-south-1 is not an approved region but holds Bedrock resources: guardrail pii");
    const empty = inventoryWith((i) => void (i.region = "ap-south-1"));
    expect(check.evaluate(empty, context)[0]?.status).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when a bucket is missing from the inventory or S3 could not be read", () => {
    const missing = inventoryWith((i) => void (i.bedrock.knowledgeBases = ok([kb])));
    expect(check.evaluate(missing, context)[0]?.message).toContain(
      "the region of bucket kb-docs (source of knowledge base docs) is unknown",
    );
    const noS3 = inventoryWith((i) => {
      i.bedrock.knowledgeBases = ok([kb]);
      i.s3.buckets = denied("s3:ListAllMyBuckets");
    });
    const [e] = check.evaluate(noS3, context);
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("s3:ListAllMyBuckets");
  });

  it("reports ERROR when a Bedrock part could not be read", () => {
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.bedrock.guardrails = denied("bedrock:ListGuardrails"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("bedrock:ListGuardrails");
  });
});
