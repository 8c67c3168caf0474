import "server-only";
import type { Inventory } from "@/server/inventory";
import type { AdvancedEventSelector, EventDataStore, Trail } from "@/server/inventory/audit";
import { defineCheck, regionArn, withParts } from "../define-check";
import { finding, listText } from "../lib/bedrock-findings";
import { dataStoresCoveringRegion, selectorLogsDataType, trailsCoveringRegion } from "../lib/trail-coverage";

type InUse = { agents: number; knowledgeBases: number; guardrails: number; flows: number };

/** Model invocations happen wherever Bedrock is used; the other types only where those resources exist. */
function requiredTypes(inUse: InUse): string[] {
  const types = ["AWS::Bedrock::Model"];
  if (inUse.agents > 0) types.push("AWS::Bedrock::AgentAlias");
  if (inUse.knowledgeBases > 0) types.push("AWS::Bedrock::KnowledgeBase");
  if (inUse.guardrails > 0) types.push("AWS::Bedrock::Guardrail");
  if (inUse.flows > 0) types.push("AWS::Bedrock::FlowAlias");
  return types;
}

type Source = { kind: "trail" | "event data store"; name: string; arn: string; selectors: AdvancedEventSelector[] };

function sources(inventory: Inventory, data: { trails: Trail[]; stores: EventDataStore[] }): Source[] {
  const trails = trailsCoveringRegion(data.trails, inventory.region)
    .filter((t) => t.isLogging)
    .map((t): Source => ({ kind: "trail", name: t.name, arn: t.arn, selectors: t.advancedEventSelectors }));
  const stores = dataStoresCoveringRegion(data.stores, inventory.region).map((s): Source => ({
    kind: "event data store",
    name: s.name,
    arn: s.arn,
    selectors: s.advancedEventSelectors,
  }));
  return [...trails, ...stores];
}

export default defineCheck({
  id: "cloudtrail-bedrock-data-events",
  title: "CloudTrail records Bedrock data events",
  severity: "high",
  category: "Logging",
  scope: "region",
  rationale:
    "Bedrock agent invocations, knowledge base retrievals, flow runs, ApplyGuardrail calls and model data-plane calls are " +
    "CloudTrail data events, which trails and event data stores do not record by default. Management events alone show " +
    "who changed a guardrail but not who used an agent or queried a knowledge base. Advanced event selectors for the " +
    "AWS::Bedrock::* resource types in use close that gap.",
  remediation: {
    console: [
      "Open the CloudTrail console, choose Trails and select the multi-region trail (or an event data store in CloudTrail Lake).",
      "Under Data events choose Edit, then add a data event type for each Bedrock resource type in use (Bedrock model, agent alias, knowledge base, guardrail, flow alias).",
      "Keep the management events selector: saving advanced selectors replaces the existing ones. Save changes.",
    ],
    cli: `aws cloudtrail put-event-selectors --trail-name TRAIL_NAME --advanced-event-selectors '[
  {"Name": "Management events", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Management"]}]},
  {"Name": "Bedrock models", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Bedrock::Model"]}]},
  {"Name": "Bedrock agent aliases", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Bedrock::AgentAlias"]}]},
  {"Name": "Bedrock knowledge bases", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Bedrock::KnowledgeBase"]}]},
  {"Name": "Bedrock guardrails", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Bedrock::Guardrail"]}]},
  {"Name": "Bedrock flow aliases", "FieldSelectors": [{"Field": "eventCategory", "Equals": ["Data"]}, {"Field": "resources.type", "Equals": ["AWS::Bedrock::FlowAlias"]}]}
]'`,
    terraform: `resource "aws_cloudtrail" "org" {
  name                  = "organization-trail"
  s3_bucket_name        = aws_s3_bucket.cloudtrail.id
  is_multi_region_trail = true

  advanced_event_selector {
    name = "Management events"
    field_selector {
      field  = "eventCategory"
      equals = ["Management"]
    }
  }

  dynamic "advanced_event_selector" {
    for_each = ["AWS::Bedrock::Model", "AWS::Bedrock::AgentAlias", "AWS::Bedrock::KnowledgeBase", "AWS::Bedrock::Guardrail", "AWS::Bedrock::FlowAlias"]
    content {
      name = "Bedrock data events: \${advanced_event_selector.value}"
      field_selector {
        field  = "eventCategory"
        equals = ["Data"]
      }
      field_selector {
        field  = "resources.type"
        equals = [advanced_event_selector.value]
      }
    }
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/logging-using-cloudtrail.html",
  ],
  evaluate: (inventory) => {
    const arn = regionArn(inventory, "cloudtrail");
    const parts = {
      trails: inventory.cloudtrail.trails,
      stores: inventory.cloudtrail.eventDataStores,
      agents: inventory.bedrock.agents,
      knowledgeBases: inventory.bedrock.knowledgeBases,
      guardrails: inventory.bedrock.guardrails,
      flows: inventory.bedrock.flows,
    };
    return withParts(arn, parts, (data) => {
      const required = requiredTypes({
        agents: data.agents.length,
        knowledgeBases: data.knowledgeBases.length,
        guardrails: data.guardrails.length,
        flows: data.flows.length,
      });
      const recorders = sources(inventory, data);
      const coverage = required.map((type) => ({
        type,
        recordedBy: recorders
          .filter((s) => s.selectors.some((sel) => selectorLogsDataType(sel, type)))
          .map((s) => `${s.kind} ${s.name}`),
      }));
      const missing = coverage.filter((c) => c.recordedBy.length === 0).map((c) => c.type);
      const evidence = {
        required,
        coverage,
        sources: recorders.map((s) => ({ kind: s.kind, name: s.name, arn: s.arn, advancedEventSelectors: s.selectors })),
      };
      if (recorders.length === 0) {
        return [
          finding(
            arn,
            "FAIL",
            `No logging trail or enabled event data store covers ${inventory.region}, so Bedrock data events (${listText(required)}) are not recorded`,
            evidence,
          ),
        ];
      }
      if (missing.length > 0) {
        return [
          finding(
            arn,
            "FAIL",
            `No trail or event data store in ${inventory.region} records Bedrock data events for ${listText(missing)}; management events alone do not include them`,
            evidence,
          ),
        ];
      }
      const by = [...new Set(coverage.flatMap((c) => c.recordedBy))];
      return [
        finding(
          arn,
          "PASS",
          `Bedrock data events for ${listText(required)} in ${inventory.region} are recorded by ${listText(by)}`,
          evidence,
        ),
      ];
    });
  },
});
