import "server-only";
import type { KnowledgeBase } from "@/server/inventory/bedrock";
import type { DemoContext } from "../accounts";
import { bucketArn, knowledgeBase, kmsKey, roleArn } from "../arns";
import { KEY, PROD, SANDBOX, STAGING } from "../names";
import { stableId } from "../prng";

type KbSpec = { name: string; role: string; storageType: string; sources: { name: string; bucket: string; cmk?: string }[] };

function build(ctx: DemoContext, spec: KbSpec): KnowledgeBase {
  const { id: accountId } = ctx.account;
  const ref = knowledgeBase(accountId, ctx.region, spec.name);
  return {
    knowledgeBaseId: ref.id,
    knowledgeBaseArn: ref.arn,
    name: spec.name,
    status: "ACTIVE",
    roleArn: roleArn(accountId, spec.role, "/service-role/"),
    storageType: spec.storageType,
    dataSources: spec.sources.map((s) => ({
      dataSourceId: stableId.upper(`${ref.arn}/data-source/${s.name}`, 10),
      name: s.name,
      status: "AVAILABLE",
      bucketArn: bucketArn(s.bucket),
      ...(s.cmk ? { kmsKeyArn: kmsKey(accountId, ctx.region, s.cmk).arn } : {}),
    })),
  };
}

function specsFor(ctx: DemoContext): KbSpec[] {
  const { key } = ctx.account;
  if (key === "prod" && ctx.region === "us-east-1") {
    return [
      {
        name: "clinical-formulary",
        role: PROD.roles.kbFormulary,
        storageType: "OPENSEARCH_SERVERLESS",
        sources: [{ name: "formulary-pdfs", bucket: PROD.buckets.formularyUse1, cmk: KEY.prodKnowledgeBases }],
      },
      {
        name: "care-pathways",
        role: PROD.roles.kbCarePathways,
        storageType: "S3_VECTORS",
        sources: [
          { name: "pathway-documents", bucket: PROD.buckets.carePathwaysUse1, cmk: KEY.prodKnowledgeBases },
          { name: "order-sets", bucket: PROD.buckets.carePathwaysUse1, cmk: KEY.prodKnowledgeBases },
        ],
      },
    ];
  }
  if (key === "prod") {
    return [
      {
        name: "clinical-formulary-eu",
        role: PROD.roles.kbFormularyEu,
        storageType: "OPENSEARCH_SERVERLESS",
        sources: [{ name: "formulary-pdfs-eu", bucket: PROD.buckets.formularyEuw1, cmk: KEY.prodKnowledgeBases }],
      },
    ];
  }
  if (key === "staging" && ctx.region === "us-east-1") {
    return [
      {
        name: "clinical-formulary-stg",
        role: STAGING.roles.kbFormulary,
        storageType: "OPENSEARCH_SERVERLESS",
        sources: [{ name: "formulary-pdfs", bucket: STAGING.buckets.formulary }],
      },
    ];
  }
  if (key === "sandbox" && ctx.region === "us-east-1") {
    // The corpus was copied from a Sydney research partner and never moved to an approved region.
    return [
      {
        name: "research-papers",
        role: SANDBOX.roles.kbResearch,
        storageType: "RDS",
        sources: [{ name: "arxiv-dump", bucket: SANDBOX.buckets.researchCorpus }],
      },
    ];
  }
  return [];
}

export function knowledgeBasesFor(ctx: DemoContext): KnowledgeBase[] {
  return specsFor(ctx).map((spec) => build(ctx, spec));
}
