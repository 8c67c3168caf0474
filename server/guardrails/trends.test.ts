import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { guardrailTrendsSchema, type BreakdownRow } from "@/lib/schemas/guardrail-trends";
import { BUCKET_MS, LOG_POLICY_TYPES, type LogFilter } from "@/lib/schemas/logs";
import type { InvocationRecord } from "@/server/logs/record";
import { SqliteLogStore } from "@/server/logs/store/sqlite";
import { MODELS, PRINCIPALS, T0, generateRecords } from "@/server/logs/store/testing/records";
import type { LogStore } from "@/server/logs/store/types";
import { getGuardrailTrends } from "./trends";

const GUARDRAILS = ["gr1alpha", "gr2beta", "gr3gamma"];
const SIDES = ["input", "output", "both"] as const;

/** Fixture records with a varied guardrail outcome (id, action, side, policy types), deterministic per index. */
function withGuardrails(records: InvocationRecord[]): InvocationRecord[] {
  return records.map((r, i) => {
    const kind = (i * 7) % 5;
    if (kind === 0) return { ...r, guardrail: { action: null, source: null, policyTypes: [], side: null, id: null } };
    const action = kind <= 2 ? ("INTERVENED" as const) : ("NONE" as const);
    const policyTypes = LOG_POLICY_TYPES.filter((_, t) => (i >> t) % 3 === 0 && t !== 6);
    return {
      ...r,
      guardrail: {
        action,
        source: "trace" as const,
        policyTypes,
        side: policyTypes.length > 0 ? (SIDES[i % 3] ?? null) : null,
        id: GUARDRAILS[i % GUARDRAILS.length] ?? null,
      },
    };
  });
}

const records = withGuardrails(generateRecords(300));
const at = (ms: number) => new Date(ms).toISOString();
const ALL: LogFilter = { from: at(T0 - 3_600_000), to: at(T0 + 3 * 86_400_000) };

// Brute force over the fixtures, independent of the store's SQL.
function matches(f: LogFilter, r: InvocationRecord): boolean {
  const ts = Date.parse(r.timestamp);
  const inList = (list: readonly string[] | undefined, v: string | null) => !list?.length || (v !== null && list.includes(v));
  const side = r.guardrail.side;
  return (
    ts >= Date.parse(f.from) &&
    ts < Date.parse(f.to) &&
    inList(f.accountIds, r.accountId) &&
    inList(f.modelIds, r.modelId) &&
    inList(f.principalArns, r.principal.arn) &&
    inList(f.guardrailActions, r.guardrail.action) &&
    inList(f.guardrailIds, r.guardrail.id) &&
    (!f.guardrailSides?.length || f.guardrailSides.some((s) => side === s || side === "both"))
  );
}
const isHit = (r: InvocationRecord) => r.guardrail.action === "INTERVENED";
const onSide = (r: InvocationRecord, s: "input" | "output") => r.guardrail.side === s || r.guardrail.side === "both";

function bruteRows(f: LogFilter, valuesOf: (r: InvocationRecord) => (string | null)[]): Map<string | null, BreakdownRow> {
  const rows = new Map<string | null, BreakdownRow>();
  for (const r of records.filter((r) => matches(f, r))) {
    for (const value of valuesOf(r)) {
      const row = rows.get(value) ?? { value, invocations: 0, interventions: 0 };
      rows.set(value, { ...row, invocations: (row.invocations ?? 0) + 1, interventions: row.interventions + Number(isHit(r)) });
    }
  }
  return rows;
}

const byValue = (rows: BreakdownRow[]) => [...rows].sort((a, b) => String(a.value).localeCompare(String(b.value)));

let store: SqliteLogStore;
beforeAll(async () => {
  store = new SqliteLogStore(":memory:");
  await store.insert(records);
});
afterAll(() => store.close());

describe("getGuardrailTrends", () => {
  const cases: [string, LogFilter, "hour" | "day"][] = [
    ["everything, hourly", ALL, "hour"],
    ["everything, daily", ALL, "day"],
    ["one model and account", { ...ALL, modelIds: [MODELS[1] ?? ""], accountIds: ["111111111111"] }, "hour"],
    ["one guardrail", { ...ALL, guardrailIds: ["gr2beta"] }, "day"],
    ["output side only", { ...ALL, guardrailSides: ["output"] }, "hour"],
  ];

  it.each(cases)("counts %s like a brute-force pass", async (_, filter, bucket) => {
    const trends = guardrailTrendsSchema.parse(await getGuardrailTrends(store, filter, { bucket, storeKind: "embedded" }));
    const matching = records.filter((r) => matches(filter, r));
    expect(matching.length).toBeGreaterThan(0);
    expect(trends.store).toBe("embedded");

    const size = BUCKET_MS[bucket];
    const inBucket = (t: string) => matching.filter((r) => Math.floor(Date.parse(r.timestamp) / size) * size === Date.parse(t));
    expect(trends.points.reduce((n, p) => n + p.invocations, 0)).toBe(matching.length);
    for (const p of trends.points) {
      const rs = inBucket(p.t);
      expect(p, p.t).toEqual({ t: p.t, invocations: rs.length, interventions: rs.filter(isHit).length });
    }
    const sides = trends.sides ?? [];
    expect(sides.map((s) => s.t)).toEqual(trends.points.map((p) => p.t));
    for (const s of sides) {
      const hits = inBucket(s.t).filter(isHit);
      const allowed = (side: "input" | "output") => !filter.guardrailSides || filter.guardrailSides.includes(side);
      expect(s, s.t).toEqual({
        t: s.t,
        input: allowed("input") ? hits.filter((r) => onSide(r, "input")).length : 0,
        output: allowed("output") ? hits.filter((r) => onSide(r, "output")).length : 0,
      });
    }

    const expectRows = (rows: BreakdownRow[], brute: Map<string | null, BreakdownRow>) =>
      expect(byValue(rows)).toEqual(byValue([...brute.values()]));
    expectRows(
      trends.byGuardrail,
      bruteRows(filter, (r) => [r.guardrail.id]),
    );
    expectRows(
      trends.byModel,
      bruteRows(filter, (r) => [r.modelId]),
    );

    const policy = bruteRows(filter, (r) => r.guardrail.policyTypes);
    expect(trends.byPolicyType.map((r) => r.value)).toEqual([...LOG_POLICY_TYPES]);
    for (const row of trends.byPolicyType) {
      expect(row, String(row.value)).toEqual(policy.get(row.value) ?? { value: row.value, invocations: 0, interventions: 0 });
    }

    const principals = [...bruteRows(filter, (r) => [r.principal.arn]).values()].filter((r) => r.interventions > 0);
    expect(byValue(trends.byPrincipal)).toEqual(byValue(principals));
    const counts = trends.byPrincipal.map((r) => r.interventions);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it("answers zero interventions, without asking, when the filter keeps only un-intervened records", async () => {
    const filter: LogFilter = { ...ALL, guardrailActions: ["NONE"] };
    const trends = await getGuardrailTrends(store, filter, { bucket: "day", storeKind: "embedded" });
    const none = records.filter((r) => matches(filter, r)).length;
    expect(trends.points.reduce((n, p) => n + p.invocations, 0)).toBe(none);
    expect(trends.points.every((p) => p.interventions === 0)).toBe(true);
    expect(trends.sides?.every((s) => s.input === 0 && s.output === 0)).toBe(true);
    expect(trends.byPrincipal).toEqual([]);
    expect(trends.byPolicyType.every((r) => r.interventions === 0)).toBe(true);
  });
});

describe("store calls", () => {
  /** Records every call; nothing resolves until all five have started, which proves they run in parallel. */
  /** Every call waits until `parallel` calls are in flight: the answer only comes if they are asked at once. */
  function spyStore(notice: string | undefined, parallel = 5) {
    const calls: { method: string; filter: LogFilter; signal: AbortSignal | undefined }[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const track = (method: string, filter: LogFilter, signal?: AbortSignal) => {
      calls.push({ method, filter, signal });
      if (calls.length === parallel) release();
      return gate;
    };
    const fake: Pick<LogStore, "timeseries" | "facets"> = {
      timeseries: async (filter, bucket, options) => {
        await track("timeseries", filter, options?.signal);
        return { bucket, points: [{ t: filter.from, invocations: 4, errors: 0, interventions: 2 }], notice };
      },
      facets: async (filter, options) => {
        await track("facets", filter, options?.signal);
        const empty = { value: "content", count: 1 };
        return {
          models: [],
          principals: [],
          operations: [],
          errorCodes: [],
          guardrailActions: [],
          guardrails: [],
          guardrailPolicyTypes: [empty],
          guardrailSides: [],
          regions: [],
          notice,
        };
      },
    };
    return { calls, store: fake as LogStore };
  }

  it("asks five questions in parallel with the caller's signal, and merges the store's notices once", async () => {
    const { calls, store: fake } = spyStore("Logs Insights stopped at 10,000 rows.");
    const signal = new AbortController().signal;
    const filter: LogFilter = { ...ALL, principalArns: [PRINCIPALS[0] ?? ""] };
    const trends = await getGuardrailTrends(fake, filter, { bucket: "hour", storeKind: "embedded", signal });
    expect(calls).toHaveLength(5);
    expect(calls.every((c) => c.signal === signal)).toBe(true);
    const filters = calls.map(
      (c) => `${c.method} ${JSON.stringify(c.filter.guardrailActions)} ${JSON.stringify(c.filter.guardrailSides)}`,
    );
    expect(filters.sort()).toEqual([
      'facets ["INTERVENED"] undefined',
      "facets undefined undefined",
      'timeseries ["INTERVENED"] ["input"]',
      'timeseries ["INTERVENED"] ["output"]',
      "timeseries undefined undefined",
    ]);
    expect(calls.every((c) => c.filter.principalArns?.[0] === PRINCIPALS[0])).toBe(true);
    expect(trends.notices).toEqual(["Logs Insights stopped at 10,000 rows."]);
    expect(trends.store).toBe("embedded");
    expect(trends.sides).toEqual([{ t: filter.from, input: 4, output: 4 }]);
    expect(trends.sidesUnavailable).toBeUndefined();
  });

  it("does not ask CloudWatch Logs Insights for sides, which it refuses, and says why", async () => {
    const { calls, store: fake } = spyStore(undefined, 3);
    const trends = await getGuardrailTrends(fake, ALL, { bucket: "hour", storeKind: "cloudwatch" });
    expect(calls.map((c) => `${c.method} ${JSON.stringify(c.filter.guardrailSides)}`).sort()).toEqual([
      "facets undefined",
      "facets undefined",
      "timeseries undefined",
    ]);
    expect(trends.store).toBe("cloudwatch");
    expect(trends.sides).toBeNull();
    expect(trends.sidesUnavailable).toMatch(/CloudWatch Logs Insights cannot tell/);
    expect(trends.points).toHaveLength(1);
  });
});
