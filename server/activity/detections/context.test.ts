import "server-only";
import { describe, expect, it } from "vitest";
import { emptyInventory, inventoryWith } from "@/server/checks/testing/inventory-fixture";
import { ok, unavailable } from "@/server/inventory/part";
import type { GuardrailVersion } from "@/server/inventory/bedrock";
import { detectionContextFromInventories } from "./context";
import { weakenings } from "./guardrail-posture";
import { postureFromRequest } from "./guardrail-posture";
import { guardrailRequest } from "./fixtures";

const KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
const KEY_ARN = `arn:aws:kms:us-east-1:111122223333:key/${KEY_ID}`;

const draft: GuardrailVersion = {
  version: "DRAFT",
  status: "READY",
  createdAt: "2026-11-01T00:00:00Z",
  updatedAt: "2026-11-01T00:00:00Z",
  contentPolicy: { filters: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] },
  sensitiveInformationPolicy: { piiEntities: [{ type: "EMAIL", action: "BLOCK" }] },
  kmsKeyArn: KEY_ARN,
};

const scp = (id: string, content: unknown, type: "SERVICE_CONTROL_POLICY" | "BEDROCK_POLICY" = "SERVICE_CONTROL_POLICY") => ({
  id,
  arn: `arn:aws:organizations::999999999999:policy/o-x/service_control_policy/${id}`,
  name: `${id}-name`,
  type,
  awsManaged: false,
  content: typeof content === "string" ? content : JSON.stringify(content),
  targetIds: ["r-root"],
});

describe("detectionContextFromInventories", () => {
  const inv = inventoryWith((i) => {
    i.bedrock.guardrails = ok([
      { id: "gr1", arn: "arn:aws:bedrock:us-east-1:111122223333:guardrail/gr1", name: "g", draft, versions: [] },
    ]);
    i.kms.keys = ok([
      {
        keyId: KEY_ID,
        arn: KEY_ARN,
        keyManager: "CUSTOMER",
        keyState: "Enabled",
        keySpec: "SYMMETRIC_DEFAULT",
        policy: {},
        rotationEnabled: true,
      },
    ]);
    i.cloudtrail.trails = ok([
      {
        name: "org-trail",
        arn: "arn:aws:cloudtrail:us-east-1:111122223333:trail/org-trail",
        homeRegion: "us-east-1",
        isMultiRegionTrail: true,
        isOrganizationTrail: false,
        isLogging: true,
        logFileValidationEnabled: true,
        eventSelectors: [],
        advancedEventSelectors: [
          {
            fieldSelectors: [
              { field: "eventCategory", equals: ["Data"] },
              { field: "resources.type", equals: ["AWS::Bedrock::Model"] },
            ],
          },
        ],
      },
    ]);
    i.organizations = ok({
      organizationId: "o-x",
      managementAccountId: "999999999999",
      enabledPolicyTypes: ["SERVICE_CONTROL_POLICY"],
      accountTargetIds: ["r-root"],
      policies: [
        scp("p-guard", {
          Statement: [
            {
              Effect: "Deny",
              Action: "bedrock:InvokeModel",
              Resource: "*",
              Condition: { Null: { "bedrock:GuardrailIdentifier": "true" } },
            },
          ],
        }),
        scp("p-region", {
          Statement: [
            {
              Effect: "Deny",
              NotAction: ["iam:*"],
              Resource: "*",
              Condition: { StringNotEquals: { "aws:RequestedRegion": ["us-east-1"] } },
              Sid: "bedrockRegions",
            },
          ],
        }),
        scp("p-s3", { Statement: [{ Effect: "Deny", Action: "s3:DeleteBucket", Resource: "*" }] }),
        scp("p-broken", "{not json"),
        scp("p-bedrock-org", "{}", "BEDROCK_POLICY"),
      ],
    });
  });
  const context = detectionContextFromInventories([inv]);

  it("collects keys Bedrock resources use, by ARN and id", () => {
    expect(context.bedrockKeyArns.has(KEY_ARN)).toBe(true);
    expect(context.bedrockKeyArns.has(KEY_ID)).toBe(true);
  });

  it("keeps the guardrail DRAFT as a comparable posture", () => {
    const entry = context.guardrails.get("111122223333|us-east-1|gr1");
    expect(entry?.collectedAt).toBe(inv.collectedAt);
    const baseline = entry?.value;
    const after = postureFromRequest(guardrailRequest({ hate: ["LOW", "HIGH"], pii: "BLOCK" }));
    if (!baseline || !after) throw new Error("missing posture");
    expect(weakenings(baseline, after).map((w) => w.what)).toEqual(["HATE input filter lowered from HIGH to LOW"]);
  });

  it("records the Bedrock data types each trail logs", () => {
    expect(context.trailBedrockDataTypes.get("111122223333|org-trail")?.value).toEqual(["AWS::Bedrock::Model"]);
  });

  it("marks only policies whose Deny mentions Bedrock, with the check each backs", () => {
    expect(Object.fromEntries([...context.bedrockGuardingScps].map(([id, v]) => [id, v.checkId]))).toEqual({
      "p-guard": "org-scp-require-guardrail",
      "p-region": "org-scp-region-restriction",
      "p-bedrock-org": "org-bedrock-policy",
    });
  });

  it("contributes nothing from unavailable parts", () => {
    const empty = inventoryWith((i) => {
      i.bedrock.guardrails = unavailable("AccessDenied", "bedrock:ListGuardrails");
      i.organizations = unavailable("AccessDenied", "organizations:ListPolicies");
    });
    const ctx = detectionContextFromInventories([empty, emptyInventory()]);
    expect([ctx.bedrockKeyArns.size, ctx.guardrails.size, ctx.bedrockGuardingScps.size, ctx.trailBedrockDataTypes.size]).toEqual([
      0, 0, 0, 0,
    ]);
  });
});
