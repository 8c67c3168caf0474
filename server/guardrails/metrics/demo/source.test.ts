import { describe, expect, it } from "vitest";
import { guardrailMetricsResponseSchema } from "@/lib/schemas/guardrail-metrics";
import { ValidationError } from "@/server/http/errors";
import { accountByKey } from "@/server/sources/demo/accounts";
import { guardrail } from "@/server/sources/demo/arns";
import { DemoGuardrailMetricsSource } from "./source";

const END = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const HOUR = 3_600_000;
const PROD = accountByKey("prod").id;
const SANDBOX = accountByKey("sandbox").id;
const source = new DemoGuardrailMetricsSource(() => END);
const sum = (points: { invocations: number; intervened: number }[], k: "invocations" | "intervened") =>
  points.reduce((n, p) => n + p[k], 0);

describe("DemoGuardrailMetricsSource", () => {
  it("meters the demo estate's guardrails per version, policy type and side, by their inventory ARNs", async () => {
    const r = guardrailMetricsResponseSchema.parse(
      await source.read({ from: new Date(END.getTime() - 7 * DAY), to: END, bucket: "day" }),
    );
    expect(r.source).toBe("demo");
    expect(r.targets).toHaveLength(6);
    const use1 = r.targets.find((t) => t.accountId === PROD && t.region === "us-east-1");
    const clinical = guardrail(PROD, "us-east-1", "phi-clinical-assistant").arn;
    const versions = use1?.guardrails
      .filter((g) => g.arn === clinical)
      .map((g) => g.version)
      .sort();
    // v3 serves (updated 38 days ago), the DRAFT gets console testing; v1 and v2 were replaced before this week.
    expect(versions).toEqual(["3", "DRAFT"]);
    const v3 = use1?.guardrails.find((g) => g.arn === clinical && g.version === "3")?.points ?? [];
    expect(v3).toHaveLength(7);
    expect(sum(v3, "invocations")).toBeGreaterThan(10_000);
    expect(sum(v3, "intervened")).toBeGreaterThan(0);
    expect(sum(v3, "intervened")).toBeLessThan(sum(v3, "invocations") * 0.1);
    expect(use1?.byPolicyType.map((p) => p.policyType).sort()).toEqual(["content", "grounding", "pii", "topic", "word"]);
    expect(use1?.bySource.map((s) => s.source).sort()).toEqual(["input", "output"]);
  });

  it("keeps metering Ireland and says where logs are off, up to the demo's end and not after", async () => {
    const r = await source.read({
      from: new Date(END.getTime() - 2 * DAY),
      to: new Date(END.getTime() + 2 * DAY),
      bucket: "day",
    });
    const prodEu = r.targets.find((t) => t.accountId === PROD && t.region === "eu-west-1");
    const eu = prodEu?.guardrails.find(
      (g) => g.arn === guardrail(PROD, "eu-west-1", "phi-clinical-assistant-eu").arn && g.version === "1",
    );
    expect(eu?.points.map((p) => p.invocations > 0)).toEqual([true, true, false, false]);
    const sandboxEu = r.targets.find((t) => t.accountId === SANDBOX && t.region === "eu-west-1");
    expect(sandboxEu?.notice).toMatch(/Invocation logging is off/);
    const sandboxUs = r.targets.find((t) => t.accountId === SANDBOX && t.region === "us-east-1");
    expect(sandboxUs?.notice).toMatch(/carry no text/);
    expect(sandboxUs?.guardrails.map((g) => g.version)).toEqual(["DRAFT"]);
  });

  it("has a daily rhythm, and minute buckets add up to the hour they split", async () => {
    const day = await source.read({
      from: new Date(END.getTime() - 3 * DAY),
      to: new Date(END.getTime() - 2 * DAY),
      bucket: "hour",
    });
    const us = day.targets.find((t) => t.accountId === PROD && t.region === "us-east-1");
    const hourly = us?.bySource.find((s) => s.source === "input")?.points.map((p) => p.invocations) ?? [];
    expect(hourly).toHaveLength(24);
    // 16:00 UTC (Virginia afternoon) is busier than 04:00 UTC.
    expect(hourly[16] ?? 0).toBeGreaterThan(2 * (hourly[4] ?? 0));

    const at = END.getTime() - 2 * DAY + 15 * HOUR;
    const filter = { accountIds: [PROD], regions: ["us-east-1"] };
    const hour = await source.read({ from: new Date(at), to: new Date(at + HOUR), bucket: "hour", ...filter });
    const minutes = await source.read({ from: new Date(at), to: new Date(at + HOUR), bucket: "minute", ...filter });
    const h = hour.targets[0]?.guardrails.map((g) => [g.version, sum(g.points, "invocations"), sum(g.points, "intervened")]);
    const m = minutes.targets[0]?.guardrails.map((g) => [g.version, sum(g.points, "invocations"), sum(g.points, "intervened")]);
    expect(minutes.targets[0]?.guardrails[0]?.points).toHaveLength(60);
    expect(m).toEqual(h);
  });

  it("is deterministic and refuses a range with too many points", async () => {
    const f = { from: new Date(END.getTime() - DAY), to: END, bucket: "hour" as const };
    expect(await source.read(f)).toEqual(await new DemoGuardrailMetricsSource(() => END).read(f));
    await expect(source.read({ from: new Date(0), to: END, bucket: "minute" })).rejects.toBeInstanceOf(ValidationError);
  });
});
