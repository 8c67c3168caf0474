import "server-only";
import { describe, expect, it } from "vitest";
import { EMPTY_CONTEXT } from "../detector";
import { ACCOUNT, at, contextWith, event } from "../fixtures";
import detector from "./cloudtrail-bedrock-coverage";

const TRAIL_ARN = `arn:aws:cloudtrail:us-west-2:${ACCOUNT}:trail/org-trail`;
const selector = (type: string) => ({
  name: type,
  fieldSelectors: [
    { field: "eventCategory", equals: ["Data"] },
    { field: "resources.type", equals: [type] },
  ],
});
const put = (types: string[], time = at(0), trailName = TRAIL_ARN) =>
  event({
    name: "PutEventSelectors",
    source: "cloudtrail.amazonaws.com",
    time,
    requestParameters: {
      trailName,
      advancedEventSelectors: [
        { name: "mgmt", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        ...types.map(selector),
      ],
    },
  });

describe("cloudtrail-bedrock-coverage", () => {
  it("fires high on StopLogging and DeleteTrail", () => {
    const events = [
      event({ name: "StopLogging", source: "cloudtrail.amazonaws.com", requestParameters: { name: TRAIL_ARN } }),
      event({ name: "DeleteTrail", source: "cloudtrail.amazonaws.com", requestParameters: { name: "org-trail" } }),
    ];
    expect(detector.detect(events, EMPTY_CONTEXT).map((d) => [d.severity, d.title])).toEqual([
      ["high", "CloudTrail trail org-trail stopped logging"],
      ["high", "CloudTrail trail org-trail deleted"],
    ]);
  });

  it("fires medium when a Put drops Bedrock types the previous Put in the stream logged", () => {
    const later = put(["AWS::Bedrock::Guardrail"], at(10), "org-trail");
    const found = detector.detect([put(["AWS::Bedrock::Model", "AWS::Bedrock::Guardrail"]), later], EMPTY_CONTEXT);
    expect(found.map((d) => [d.severity, d.checkId, d.eventIds])).toEqual([
      ["medium", "cloudtrail-bedrock-data-events", [later.id]],
    ]);
    expect(found[0]?.explanation).toMatch(/no longer logs AWS::Bedrock::Model data events/);
  });

  it("uses the scan's selectors from the context when the stream has no earlier Put", () => {
    const scan = (collectedAt: string) =>
      contextWith({
        trailBedrockDataTypes: new Map([[`${ACCOUNT}|org-trail`, { value: ["AWS::Bedrock::AgentAlias"], collectedAt }]]),
      });
    expect(detector.detect([put([], at(10))], scan(at(0))).map((d) => d.severity)).toEqual(["medium"]);
    // A scan after the Put describes some later state, not what the Put replaced.
    expect(detector.detect([put([], at(10))], scan(at(20)))).toEqual([]);
  });

  it("reads PascalCase selectors too (CloudTrail keeps the API's casing)", () => {
    const pascal = event({
      name: "PutEventSelectors",
      source: "cloudtrail.amazonaws.com",
      time: at(10),
      requestParameters: {
        TrailName: "org-trail",
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: "eventCategory", Equals: ["Data"] },
              { Field: "resources.type", Equals: ["AWS::Bedrock::Model"] },
            ],
          },
        ],
      },
    });
    expect(detector.detect([put(["AWS::Bedrock::Model"]), pascal], EMPTY_CONTEXT)).toEqual([]);
  });

  it("near misses: keeping or adding types, an unknown baseline, a refused stop, and StartLogging stay silent", () => {
    const events = [
      put(["AWS::Bedrock::Model"]),
      put(["AWS::Bedrock::Model", "AWS::Bedrock::KnowledgeBase"], at(5)),
      put([], at(6), "other-trail"),
      event({
        name: "StopLogging",
        source: "cloudtrail.amazonaws.com",
        errorCode: "AccessDenied",
        requestParameters: { name: "org-trail" },
      }),
      event({ name: "StartLogging", source: "cloudtrail.amazonaws.com", requestParameters: { name: "org-trail" } }),
    ];
    expect(detector.detect(events, EMPTY_CONTEXT)).toEqual([]);
  });
});
