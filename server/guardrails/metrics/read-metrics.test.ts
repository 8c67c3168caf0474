import type { Dimension } from "@aws-sdk/client-cloudwatch";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { guardrailMetricsSchema } from "@/lib/schemas/guardrail-metrics";
import { UpstreamError, ValidationError } from "@/server/http/errors";
import type { AwsClients } from "@/server/sources/aws/clients";
import { FakeAws } from "@/server/sources/aws/testing/fake-aws";
import { startClients, stopClients } from "@/server/sources/aws/testing/test-clients";
import { readGuardrailMetrics } from "./read-metrics";

const ARN = "arn:aws:bedrock:us-east-1:111122223333:guardrail/abc123";
const HOUR = 3_600_000;
const T0 = Date.parse("2026-11-20T00:00:00Z");
const NOW = new Date("2026-11-21T00:00:00Z");
const d = (pairs: Record<string, string>): Dimension[] => Object.entries(pairs).map(([Name, Value]) => ({ Name, Value }));

type Metric = { name: string; dims: Dimension[]; points: [hour: number, value: number][] };
const METRICS: Metric[] = [
  {
    name: "Invocations",
    dims: d({ GuardrailArn: ARN, GuardrailVersion: "1" }),
    points: [
      [1, 10],
      [2, 20],
      [5, 5],
    ],
  },
  {
    name: "InvocationsIntervened",
    dims: d({ GuardrailArn: ARN, GuardrailVersion: "1" }),
    points: [
      [1, 2],
      [5, 1],
    ],
  },
  { name: "InvocationsIntervened", dims: d({ GuardrailArn: ARN, GuardrailVersion: "DRAFT" }), points: [[3, 7]] },
  {
    name: "InvocationsIntervened",
    dims: d({ GuardrailPolicyType: "ContentPolicy" }),
    points: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    name: "InvocationsIntervened",
    dims: d({ GuardrailPolicyType: "SensitiveInformationPolicy" }),
    points: [
      [3, 3],
      [5, 1],
    ],
  },
  {
    name: "InvocationsIntervened",
    dims: d({ GuardrailContentSource: "Input" }),
    points: [
      [1, 2],
      [3, 7],
    ],
  },
  { name: "Invocations", dims: d({ GuardrailContentSource: "Output" }), points: [[2, 9]] },
  // Not charted: the Operation dimension set, an unknown policy type, and a metric we do not read.
  { name: "Invocations", dims: d({ Operation: "ApplyGuardrail" }), points: [[1, 999]] },
  {
    name: "Invocations",
    dims: d({ GuardrailArn: ARN, GuardrailVersion: "1", GuardrailContentSource: "Input" }),
    points: [[1, 999]],
  },
  { name: "InvocationsIntervened", dims: d({ GuardrailPolicyType: "FuturePolicy" }), points: [[1, 999]] },
  { name: "TextUnitCount", dims: d({ GuardrailArn: ARN, GuardrailVersion: "1" }), points: [[1, 999]] },
];

type Query = { Id: string; MetricStat: { Metric: { MetricName: string; Dimensions: Dimension[] } } };
const sameDims = (a: Dimension[], b: Dimension[]) => JSON.stringify(a) === JSON.stringify(b);

let fake: FakeAws;
let clients: AwsClients;
let partial = false;

beforeAll(async () => {
  fake = new FakeAws();
  // ListMetrics: one metric per page, so paging is exercised; filtered by MetricName like CloudWatch.
  fake.on("cloudwatch", "ListMetrics", (r) => {
    const list = METRICS.filter((m) => m.name === r.input.MetricName);
    const i = Number(r.input.NextToken ?? 0);
    const m = list[i];
    return {
      Metrics: m ? [{ Namespace: "AWS/Bedrock/Guardrails", MetricName: m.name, Dimensions: m.dims }] : [],
      NextToken: i + 1 < list.length ? String(i + 1) : undefined,
    };
  });
  // GetMetricData: each query's datapoints, split over two pages to exercise NextToken.
  fake.on("cloudwatch", "GetMetricData", (r) => {
    const page = Number(r.input.NextToken ?? 0);
    const results = (r.input.MetricDataQueries as Query[]).map((q) => {
      const m = METRICS.find(
        (x) => x.name === q.MetricStat.Metric.MetricName && sameDims(x.dims, q.MetricStat.Metric.Dimensions),
      );
      const mine = (m?.points ?? []).filter((_, i) => i % 2 === page);
      return {
        Id: q.Id,
        Timestamps: mine.map(([h]) => (T0 + h * HOUR) / 1000),
        Values: mine.map(([, v]) => v),
        StatusCode: partial && page === 1 ? "PartialData" : "Complete",
      };
    });
    return { MetricDataResults: results, NextToken: page === 0 ? "1" : undefined };
  });
  clients = await startClients(fake);
});
afterAll(() => stopClients(fake, clients));
beforeEach(() => {
  partial = false;
});

const read = (over: Partial<Parameters<typeof readGuardrailMetrics>[0]> = {}) =>
  readGuardrailMetrics({
    client: clients.cloudwatch,
    accountId: "111122223333",
    region: "us-east-1",
    from: new Date(T0),
    to: new Date(T0 + 6 * HOUR),
    bucket: "hour",
    now: NOW,
    ...over,
  });

describe("readGuardrailMetrics", () => {
  it("charts each guardrail version, policy type and side from the listed dimension sets, zero-filled per hour", async () => {
    const m = guardrailMetricsSchema.parse(await read());
    const v1 = m.guardrails.find((g) => g.version === "1");
    expect(v1?.points.map((p) => [p.invocations, p.intervened])).toEqual([
      [0, 0],
      [10, 2],
      [20, 0],
      [0, 0],
      [0, 0],
      [5, 1],
    ]);
    expect(m.guardrails.find((g) => g.version === "DRAFT")?.points.map((p) => p.intervened)).toEqual([0, 0, 0, 7, 0, 0]);
    expect(m.byPolicyType.map((s) => [s.policyType, s.points.reduce((n, p) => n + p.intervened, 0)])).toEqual([
      ["content", 6],
      ["pii", 4],
    ]);
    expect(m.bySource.map((s) => s.source).sort()).toEqual(["input", "output"]);
    expect(m.bySource.find((s) => s.source === "output")?.points[2]?.invocations).toBe(9);
    // The Operation set, the unknown policy and TextUnitCount (999s) are nowhere.
    expect(JSON.stringify(m)).not.toContain("999");
    expect(m.notice).toBeUndefined();
  });

  it("says when CloudWatch returned partial data, and when the range is older than what ListMetrics lists", async () => {
    partial = true;
    expect((await read()).notice).toMatch(/were not returned \(PartialData\)/);
    partial = false;
    const old = await read({ from: new Date(T0 - 20 * 24 * HOUR), bucket: "day" });
    expect(old.notice).toMatch(/last 14 days/);
    const minutes = await read({
      from: new Date(NOW.getTime() - 16 * 24 * HOUR),
      to: new Date(NOW.getTime() - 15.9 * 24 * HOUR),
      bucket: "minute",
    });
    expect(minutes.notice).toMatch(/per-minute guardrail metrics for 15 days/);
  });

  it("refuses an empty or too fine range", async () => {
    await expect(read({ to: new Date(T0) })).rejects.toBeInstanceOf(ValidationError);
    await expect(read({ to: new Date(T0 + 30 * 24 * HOUR), bucket: "minute" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("names the IAM action when CloudWatch denies it", async () => {
    fake.fault("cloudwatch", "GetMetricData", "denied", 1);
    const failure = read();
    await expect(failure).rejects.toBeInstanceOf(UpstreamError);
    await expect(failure).rejects.toThrow(
      /Reading guardrail metrics failed in 111122223333\/us-east-1: Access denied for cloudwatch:GetMetricData/,
    );
    fake.fault("cloudwatch", "ListMetrics", "denied", 1);
    await expect(read()).rejects.toThrow(/cloudwatch:ListMetrics/);
  });
});
