import "server-only";
import type { AdvancedEventSelector, EventDataStore, Trail } from "@/server/inventory/audit";
import type { DemoContext } from "./accounts";
import { bucketArn, kmsKey } from "./arns";
import { KEY, PROD, SANDBOX, STAGING } from "./names";
import { stableId } from "./prng";

/** One selector per resource type, as the CloudTrail API expects for data events. */
const bedrockData = (types: string[]): AdvancedEventSelector[] =>
  types.map((t) => ({
    name: `Bedrock data events: ${t.replace("AWS::Bedrock::", "")}`,
    fieldSelectors: [
      { field: "eventCategory", equals: ["Data"] },
      { field: "resources.type", equals: [t] },
    ],
  }));

const ALL_BEDROCK_TYPES = [
  "Model",
  "AgentAlias",
  "KnowledgeBase",
  "Guardrail",
  "FlowAlias",
  "PromptVersion",
  "AsyncInvoke",
  "InlineAgent",
].map((t) => `AWS::Bedrock::${t}`);

const MANAGEMENT: AdvancedEventSelector = {
  name: "Management events",
  fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }],
};

function trailArn(accountId: string, home: string, name: string): string {
  return `arn:aws:cloudtrail:${home}:${accountId}:trail/${name}`;
}

/** DescribeTrails (with shadow trails): a multi-region trail shows up in every region. */
export function trailsFor(ctx: DemoContext): Trail[] {
  const { id, key } = ctx.account;
  if (key === "prod") {
    return [
      {
        name: "halcyon-prod-audit",
        arn: trailArn(id, "us-east-1", "halcyon-prod-audit"),
        homeRegion: "us-east-1",
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        isLogging: true,
        logFileValidationEnabled: true,
        kmsKeyId: kmsKey(id, "us-east-1", KEY.prodCloudtrail).arn,
        s3BucketName: PROD.buckets.cloudtrail,
        eventSelectors: [],
        advancedEventSelectors: [
          MANAGEMENT,
          ...bedrockData(ALL_BEDROCK_TYPES),
          {
            name: "Knowledge base source objects",
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::S3::Object"] },
              {
                field: "resources.ARN",
                startsWith: [
                  `${bucketArn(PROD.buckets.formularyUse1)}/`,
                  `${bucketArn(PROD.buckets.carePathwaysUse1)}/`,
                  `${bucketArn(PROD.buckets.formularyEuw1)}/`,
                ],
              },
            ],
          },
        ],
      },
    ];
  }
  if (key === "staging") {
    return [
      {
        name: "staging-management-trail",
        arn: trailArn(id, "us-east-1", "staging-management-trail"),
        homeRegion: "us-east-1",
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        isLogging: true,
        logFileValidationEnabled: false,
        s3BucketName: STAGING.buckets.cloudtrail,
        eventSelectors: [{ readWriteType: "All", includeManagementEvents: true, dataResources: [] }],
        advancedEventSelectors: [],
      },
    ];
  }
  // Created once for a workshop, single-region, stopped afterwards; invisible from other regions.
  if (ctx.region !== "us-east-1") return [];
  return [
    {
      name: "sandbox-trail",
      arn: trailArn(id, "us-east-1", "sandbox-trail"),
      homeRegion: "us-east-1",
      isMultiRegionTrail: false,
      isOrganizationTrail: false,
      isLogging: false,
      logFileValidationEnabled: false,
      s3BucketName: SANDBOX.buckets.cloudtrail,
      eventSelectors: [{ readWriteType: "WriteOnly", includeManagementEvents: true, dataResources: [] }],
      advancedEventSelectors: [],
    },
  ];
}

function store(accountId: string, name: string, retentionPeriod: number, selectors: AdvancedEventSelector[]): EventDataStore {
  const id = stableId.uuid(`${accountId}/eds/${name}`);
  return {
    name,
    arn: `arn:aws:cloudtrail:us-east-1:${accountId}:eventdatastore/${id}`,
    status: "ENABLED",
    multiRegionEnabled: true,
    organizationEnabled: false,
    retentionPeriod,
    advancedEventSelectors: selectors,
  };
}

/** CloudTrail Lake stores; multi-region ones cover (and are reported in) every region. */
export function eventDataStoresFor(ctx: DemoContext): EventDataStore[] {
  const { id, key } = ctx.account;
  // Seven years: the retention the HIPAA program asks of audit evidence, plus margin.
  if (key === "prod")
    return [
      store(
        id,
        "halcyon-prod-bedrock-lake",
        2557,
        bedrockData([
          "AWS::Bedrock::Model",
          "AWS::Bedrock::AgentAlias",
          "AWS::Bedrock::KnowledgeBase",
          "AWS::Bedrock::Guardrail",
        ]),
      ),
    ];
  // Only model invocations were selected when the store was set up for cost dashboards.
  if (key === "staging") return [store(id, "staging-bedrock-invocations", 90, bedrockData(["AWS::Bedrock::Model"]))];
  return [];
}
