import { describe, expect, it } from "vitest";
import type { AdvancedEventSelector } from "@/server/inventory/audit";
import { ok } from "@/server/inventory/part";
import { agent, eventDataStore, guardrail, trail } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./cloudtrail-bedrock-data-events";

const management: AdvancedEventSelector = { name: "mgmt", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };
const data = (type: string): AdvancedEventSelector => ({
  name: type,
  fieldSelectors: [
    { field: "eventCategory", equals: ["Data"] },
    { field: "resources.type", equals: [type] },
  ],
});

describe("cloudtrail-bedrock-data-events", () => {
  it("passes when every type in use is recorded, split across a trail and an event data store", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent("support")]);
      i.cloudtrail.trails = ok([trail("org", { advancedEventSelectors: [management, data("AWS::Bedrock::Model")] })]);
      i.cloudtrail.eventDataStores = ok([eventDataStore("lake", { advancedEventSelectors: [data("AWS::Bedrock::AgentAlias")] })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("recorded by trail org and event data store lake");
  });

  it("fails on management events alone and lists the missing types", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.guardrails = ok([guardrail("chat")]);
      i.cloudtrail.trails = ok([trail("org", { advancedEventSelectors: [management] })]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("for AWS::Bedrock::Model and AWS::Bedrock::Guardrail");
  });

  it("does not count a stopped trail, a disabled data store or an excluded type", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.trails = ok([trail("org", { isLogging: false, advancedEventSelectors: [data("AWS::Bedrock::Model")] })]);
      i.cloudtrail.eventDataStores = ok([
        eventDataStore("off", { status: "STOPPED_INGESTION", advancedEventSelectors: [data("AWS::Bedrock::Model")] }),
        eventDataStore("prefix", {
          advancedEventSelectors: [
            {
              fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", startsWith: ["AWS::Bedrock::"], notEquals: ["AWS::Bedrock::Model"] },
              ],
            },
          ],
        }),
      ]);
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("AWS::Bedrock::Model");
  });

  it("accepts a startsWith selector covering all Bedrock types", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent("support")]);
      i.cloudtrail.trails = ok([
        trail("org", {
          advancedEventSelectors: [
            {
              fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", startsWith: ["AWS::Bedrock::"] },
              ],
            },
          ],
        }),
      ]);
    });
    expect(check.evaluate(inv, context)[0]?.status).toBe("PASS");
  });

  it("fails when nothing records the region", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("No logging trail or enabled event data store covers us-east-1");
  });

  it("reports ERROR naming every unreadable part", () => {
    const inv = inventoryWith((i) => {
      i.cloudtrail.eventDataStores = denied("cloudtrail:ListEventDataStores");
      i.bedrock.flows = denied("bedrock:ListFlows");
    });
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("cloudtrail:ListEventDataStores");
    expect(f?.message).toContain("bedrock:ListFlows");
  });
});
