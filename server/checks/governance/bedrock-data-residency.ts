import "server-only";
import type { Bucket } from "@/server/inventory/storage";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";

const SHOWN = 8;

function listText(items: readonly string[]): string {
  return items.length <= SHOWN ? items.join(", ") : `${items.slice(0, SHOWN).join(", ")} and ${items.length - SHOWN} more`;
}

function bucketName(arnOrName: string): string {
  return arnOrName.startsWith("arn:") ? ((arnOrName.split(":::")[1] ?? arnOrName).split("/")[0] ?? arnOrName) : arnOrName;
}

function checkBuckets(
  arn: string,
  region: string,
  uses: Map<string, string[]>,
  buckets: readonly Bucket[],
  approved: readonly string[],
): FindingDraft {
  const outside: string[] = [];
  const unknown: string[] = [];
  const placed: Record<string, string> = {};
  for (const [name, usedBy] of uses) {
    const bucket = buckets.find((b) => b.name === name);
    if (!bucket) unknown.push(`${name} (${usedBy.join(", ")})`);
    else {
      placed[name] = bucket.region;
      if (!approved.includes(bucket.region)) outside.push(`${name} in ${bucket.region} (${usedBy.join(", ")})`);
    }
  }
  const evidence = { region, buckets: Object.fromEntries(uses), bucketRegions: placed };
  if (outside.length > 0)
    return draft(
      arn,
      "FAIL",
      `Bedrock data from ${region} is stored outside the approved regions: bucket ${listText(outside)}`,
      evidence,
    );
  if (unknown.length > 0)
    return draft(
      arn,
      "ERROR",
      `Could not evaluate: the region of bucket ${listText(unknown)} is unknown because it is not in the S3 inventory`,
      evidence,
    );
  return draft(
    arn,
    "PASS",
    `${region} is an approved region and its knowledge-base and invocation-log buckets (${[...uses.keys()].join(", ")}) are in approved regions`,
    evidence,
  );
}

export default defineCheck({
  id: "bedrock-data-residency",
  title: "Bedrock resources and their data stay in approved regions",
  severity: "high",
  category: "Governance",
  scope: "region",
  rationale:
    "Prompts, responses, knowledge-base documents, custom model weights and invocation logs are data subject to residency " +
    "rules (GDPR, sector regulators, customer contracts). Bedrock resources in a region outside the approved list, or a " +
    "knowledge-base source or invocation-log bucket in such a region, move that data where it may not go. Regions that are " +
    "not approved and hold nothing are not applicable.",
  remediation: {
    console: [
      "For an unapproved region: move or delete the Bedrock resources listed in the finding and turn off model invocation logging there.",
      "For a bucket in an unapproved region: create a bucket in an approved region, copy the data, and point the knowledge-base data source or logging configuration to it.",
      "Add an SCP that denies Bedrock outside the approved regions so this cannot recur.",
    ],
    cli: `aws bedrock delete-model-invocation-logging-configuration --region UNAPPROVED_REGION
aws bedrock delete-guardrail --region UNAPPROVED_REGION --guardrail-identifier GUARDRAIL_ID
aws s3 mb s3://kb-source-eu --region eu-west-1 && aws s3 sync s3://kb-source-old s3://kb-source-eu`,
    terraform: `provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_s3_bucket" "kb_source" {
  bucket = "kb-source-eu-111122223333" # created in the approved region of the provider
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/data-protection.html",
    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_examples_general.html#example-scp-deny-region",
  ],
  evaluate: (inventory, { settings }) => {
    const arn = regionArn(inventory, "bedrock");
    const region = inventory.region;
    const b = inventory.bedrock;
    const parts = {
      loggingConfig: b.loggingConfig,
      guardrails: b.guardrails,
      agents: b.agents,
      knowledgeBases: b.knowledgeBases,
      customModels: b.customModels,
      importedModels: b.importedModels,
      flows: b.flows,
      prompts: b.prompts,
      inferenceProfiles: b.inferenceProfiles,
    };
    return withParts(arn, parts, (d) => {
      const held = [
        ...d.guardrails.map((g) => `guardrail ${g.name}`),
        ...d.agents.map((a) => `agent ${a.agentName}`),
        ...d.knowledgeBases.map((k) => `knowledge base ${k.name}`),
        ...d.customModels.map((m) => `custom model ${m.modelName}`),
        ...d.importedModels.map((m) => `imported model ${m.modelName}`),
        ...d.flows.map((f) => `flow ${f.name}`),
        ...d.prompts.map((p) => `prompt ${p.name}`),
        ...d.inferenceProfiles
          .filter((p) => p.type === "APPLICATION")
          .map((p) => `application inference profile ${p.inferenceProfileName}`),
        ...(d.loggingConfig ? ["model invocation logging configuration"] : []),
      ];
      if (!settings.approvedRegions.includes(region)) {
        if (held.length === 0)
          return [draft(arn, "NOT_APPLICABLE", `${region} is not an approved region and holds no Bedrock resources`, { region })];
        return [
          draft(arn, "FAIL", `${region} is not an approved region but holds Bedrock resources: ${listText(held)}`, {
            region,
            resources: held,
          }),
        ];
      }
      const uses = new Map<string, string[]>();
      const use = (bucket: string, what: string) => uses.set(bucketName(bucket), [...(uses.get(bucketName(bucket)) ?? []), what]);
      for (const kb of d.knowledgeBases)
        for (const ds of kb.dataSources) if (ds.bucketArn) use(ds.bucketArn, `source of knowledge base ${kb.name}`);
      if (d.loggingConfig?.s3Config) use(d.loggingConfig.s3Config.bucketName, "invocation logs");
      const large = d.loggingConfig?.cloudWatchConfig?.largeDataDeliveryS3Config;
      if (large) use(large.bucketName, "large invocation log bodies");
      if (uses.size === 0) {
        return [
          draft(arn, "PASS", `${region} is an approved region; no knowledge-base source or invocation-log bucket to check`, {
            region,
            resources: held.length,
          }),
        ];
      }
      return withParts(arn, { buckets: inventory.s3.buckets }, ({ buckets }) => [
        checkBuckets(arn, region, uses, buckets, settings.approvedRegions),
      ]);
    });
  },
});
