import { describe, expect, it } from "vitest";
import { ok } from "@/server/inventory/part";
import { alarm, guardrail } from "../lib/bedrock-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-guardrail-intervention-alarms";

const withAlarms = (...alarms: ReturnType<typeof alarm>[]) =>
  inventoryWith((i) => {
    i.bedrock.guardrails = ok([guardrail("chat")]);
    i.cloudwatch.alarms = ok(alarms);
  });

describe("bedrock-guardrail-intervention-alarms", () => {
  it("passes with an actionable InvocationsIntervened alarm", () => {
    const [f] = check.evaluate(
      withAlarms(alarm("interventions", { namespace: "AWS/Bedrock/Guardrails", metricName: "InvocationsIntervened" })),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("interventions alert on guardrail interventions in us-east-1");
  });

  it("does not count another guardrail metric or a runtime alarm", () => {
    const [f] = check.evaluate(
      withAlarms(
        alarm("latency", { namespace: "AWS/Bedrock/Guardrails", metricName: "InvocationLatency" }),
        alarm("runtime", { namespace: "AWS/Bedrock", metricName: "Invocations" }),
      ),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe("No CloudWatch alarm watches AWS/Bedrock/Guardrails InvocationsIntervened in us-east-1");
  });

  it("fails when the intervention alarm has no actions", () => {
    const [f] = check.evaluate(
      withAlarms(
        alarm("interventions", {
          namespace: "AWS/Bedrock/Guardrails",
          metricName: "InvocationsIntervened",
          actionsEnabled: false,
        }),
      ),
      context,
    );
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("interventions watch InvocationsIntervened");
  });

  it("is not applicable without guardrails", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No guardrails in us-east-1");
  });

  it("reports ERROR when alarms could not be described", () => {
    const inv = withAlarms();
    inv.cloudwatch.alarms = denied("cloudwatch:DescribeAlarms");
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("cloudwatch:DescribeAlarms");
  });
});
