import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BUCKET_MS,
  facetsSchema,
  logPageSchema,
  logSummarySchema,
  timeseriesSchema,
  type LogFilter,
  type TimeBucket,
} from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import type { InvocationRecord } from "../record";
import { encodeCursor } from "./cursor";
import { SqliteLogStore } from "./sqlite";
import { GUARDRAIL_IDS, HOSTILE_PROMPT, MODELS, PRINCIPALS, T0, generateRecords } from "./testing/records";

const N = 240;
const records = generateRecords(N);
const ALL: LogFilter = { from: "2025-02-01T00:00:00Z", to: "2025-04-01T00:00:00Z" };
const at = (ms: number) => new Date(ms).toISOString();

// Brute force: the filter's meaning written out over the in-memory records, independently of the SQL.
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
function containsRun(haystack: string[], needle: string[]): boolean {
  return haystack.some((_, i) => needle.every((w, j) => haystack[i + j] === w));
}
function matches(f: LogFilter, r: InvocationRecord): boolean {
  const ts = Date.parse(r.timestamp);
  const inList = (list: string[] | undefined, v: string | null) => !list?.length || (v !== null && list.includes(v));
  const inRange = (range: { min?: number; max?: number } | undefined, v: number) =>
    (range?.min === undefined || v >= range.min) && (range?.max === undefined || v <= range.max);
  return (
    ts >= Date.parse(f.from) &&
    ts < Date.parse(f.to) &&
    inList(f.accountIds, r.accountId) &&
    inList(f.regions, r.region) &&
    inList(f.modelIds, r.modelId) &&
    inList(f.operations, r.operation) &&
    inList(f.principalArns, r.principal.arn) &&
    inList(f.roles, r.principal.role) &&
    inList(f.errorCodes, r.error?.code ?? null) &&
    inList(f.guardrailActions, r.guardrail.action) &&
    (f.hasError === undefined || f.hasError === (r.error !== null)) &&
    (!f.guardrailPolicyTypes?.length || r.guardrail.policyTypes.some((t) => f.guardrailPolicyTypes?.includes(t))) &&
    inList(f.guardrailIds, r.guardrail.id) &&
    (!f.guardrailSides?.length || sidesOf(r).some((side) => f.guardrailSides?.includes(side))) &&
    (f.crossRegion === undefined || f.crossRegion === r.crossRegion) &&
    inRange(f.inputTokens, r.tokens.input) &&
    inRange(f.outputTokens, r.tokens.output) &&
    (f.metadata ?? []).every(({ key, value }) => r.requestMetadata[key] === value) &&
    (f.text === undefined ||
      f.text
        .split(/\s+/)
        .map(wordsOf)
        .filter((w) => w.length > 0)
        .every((w) => containsRun(wordsOf(r.promptText), w) || containsRun(wordsOf(r.responseText), w)))
  );
}
function sidesOf(r: InvocationRecord): ("input" | "output")[] {
  const side = r.guardrail.side;
  return side === null ? [] : side === "both" ? ["input", "output"] : [side];
}
/** Expected ids in page order: newest first, later inserts first within one timestamp. */
function expectedIds(f: LogFilter): string[] {
  return records
    .map((r, seq) => ({ r, seq }))
    .filter(({ r }) => matches(f, r))
    .sort((a, b) => Date.parse(b.r.timestamp) - Date.parse(a.r.timestamp) || b.seq - a.seq)
    .map(({ r }) => r.id);
}

async function walk(store: SqliteLogStore, f: LogFilter, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await store.search(f, cursor, limit);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((s) => s.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error("paging did not end");
}

let dir = "";
let store: SqliteLogStore;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "strata-logstore-"));
  store = new SqliteLogStore(join(dir, "nested", "logs.db"));
  await store.insert(records);
});
afterAll(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

describe("insert", () => {
  it("is idempotent on request id, within a batch and across calls and reopenings", async () => {
    const file = join(dir, "idempotent.db");
    const first = new SqliteLogStore(file);
    expect(await first.insert(records.slice(0, 10))).toEqual({ inserted: 10, skipped: 0 });
    expect(await first.insert(records.slice(5, 15))).toEqual({ inserted: 5, skipped: 5 });
    const dupes = records.slice(15, 18);
    expect(await first.insert([...dupes, ...dupes])).toEqual({ inserted: 3, skipped: 3 });
    first.close();
    const reopened = new SqliteLogStore(file);
    expect(await reopened.insert(records.slice(0, 18))).toEqual({ inserted: 0, skipped: 18 });
    expect(await reopened.count(ALL)).toBe(18);
    // A skipped duplicate must not add a second full-text row either.
    expect(await reopened.count({ ...ALL, text: "streaming" })).toBe(
      records.slice(0, 18).filter((r) => matches({ ...ALL, text: "streaming" }, r)).length,
    );
    reopened.close();
  });
});

describe("filters", () => {
  const cases: [string, LogFilter][] = [
    ["time range", { from: at(T0 + 3 * 3_600_000), to: at(T0 + 9 * 3_600_000) }],
    ["account", { ...ALL, accountIds: ["222222222222"] }],
    ["region", { ...ALL, regions: ["eu-west-1"] }],
    ["model", { ...ALL, modelIds: [MODELS[1] ?? ""] }],
    ["two models", { ...ALL, modelIds: [MODELS[0] ?? "", MODELS[2] ?? ""] }],
    ["operation", { ...ALL, operations: ["InvokeModelWithResponseStream"] }],
    ["principal ARN", { ...ALL, principalArns: [PRINCIPALS[2] ?? ""] }],
    ["role", { ...ALL, roles: ["AgentRole"] }],
    ["error code", { ...ALL, errorCodes: ["ValidationException"] }],
    ["has error", { ...ALL, hasError: true }],
    ["has no error", { ...ALL, hasError: false }],
    ["guardrail intervened", { ...ALL, guardrailActions: ["INTERVENED"] }],
    ["guardrail none", { ...ALL, guardrailActions: ["NONE"] }],
    ["policy type topic", { ...ALL, guardrailPolicyTypes: ["topic"] }],
    ["policy type topic or word", { ...ALL, guardrailPolicyTypes: ["word", "topic"] }],
    ["guardrail id", { ...ALL, guardrailIds: [GUARDRAIL_IDS[1] ?? ""] }],
    ["two guardrail ids", { ...ALL, guardrailIds: [GUARDRAIL_IDS[0] ?? "", GUARDRAIL_IDS[2] ?? ""] }],
    ["guardrail side input", { ...ALL, guardrailSides: ["input"] }],
    ["guardrail side output", { ...ALL, guardrailSides: ["output"] }],
    ["either guardrail side", { ...ALL, guardrailSides: ["input", "output"] }],
    [
      "guardrail id + side + policy",
      { ...ALL, guardrailIds: [GUARDRAIL_IDS[0] ?? ""], guardrailSides: ["output"], guardrailPolicyTypes: ["content"] },
    ],
    ["cross-region", { ...ALL, crossRegion: true }],
    ["not cross-region", { ...ALL, crossRegion: false }],
    ["input tokens", { ...ALL, inputTokens: { min: 200, max: 600 } }],
    ["output tokens min", { ...ALL, outputTokens: { min: 250 } }],
    ["output tokens max", { ...ALL, outputTokens: { max: 100 } }],
    ["metadata", { ...ALL, metadata: [{ key: "team", value: "billing" }] }],
    [
      "two metadata pairs",
      {
        ...ALL,
        metadata: [
          { key: "team", value: "billing" },
          { key: "env", value: "dev" },
        ],
      },
    ],
    ["prompt text", { ...ALL, text: "bank" }],
    ["response text", { ...ALL, text: "UNDERSTAND" }],
    ["prompt and response words", { ...ALL, text: "streaming The" }],
    ["combined", { ...ALL, regions: ["us-east-1"], hasError: false, modelIds: [MODELS[0] ?? "", MODELS[1] ?? ""] }],
  ];
  it.each(cases)("%s narrows the set to exactly the matching records", async (_, filter) => {
    const expected = expectedIds(filter);
    // The case must actually narrow, or it proves nothing.
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(N);
    expect(await walk(store, filter, 25)).toEqual(expected);
    expect(await store.count(filter)).toBe(expected.length);
  });

  it("returns nothing for values no record has", async () => {
    expect(await store.count({ ...ALL, modelIds: ["no-such-model"] })).toBe(0);
    expect(await store.count({ ...ALL, metadata: [{ key: "missing", value: "x" }] })).toBe(0);
    expect((await store.search({ ...ALL, text: "zebra" })).items).toEqual([]);
  });
});

describe("paging", () => {
  it.each([1, 7, 50, 500])("walks the whole set with limit %i, no duplicates or gaps, in keyset order", async (limit) => {
    const ids = await walk(store, ALL, limit);
    expect(ids).toEqual(expectedIds(ALL));
    expect(new Set(ids).size).toBe(N);
    expect(await store.count(ALL)).toBe(ids.length);
  });

  it("returns summaries without bodies", async () => {
    const { items } = await store.search(ALL, undefined, 3);
    const record = records.find((r) => r.id === items[0]?.id);
    expect(items[0]).toEqual({
      id: record?.id,
      timestamp: record?.timestamp,
      accountId: record?.accountId,
      region: record?.region,
      inferenceRegion: record?.inferenceRegion,
      crossRegion: record?.crossRegion,
      modelId: record?.modelId,
      operation: record?.operation,
      principal: {
        arn: record?.principal.arn,
        type: record?.principal.type,
        role: record?.principal.role,
        session: record?.principal.session,
      },
      errorCode: record?.error?.code ?? null,
      guardrailAction: record?.guardrail.action,
      guardrailPolicyTypes: record?.guardrail.policyTypes,
      guardrailId: record?.guardrail.id,
      guardrailSide: record?.guardrail.side,
      latencyMs: record?.latencyMs,
      tokens: record?.tokens,
      requestMetadata: record?.requestMetadata,
    });
  });

  it("rejects a bad cursor or page size with a ValidationError", async () => {
    const bad = [
      "not base64!",
      "e30",
      encodeCursor({ t: -1, s: 1 }),
      Buffer.from('{"t":1,"s":2,"x":3}').toString("base64url"),
      "A".repeat(300),
      Buffer.from("[1,2]").toString("base64url"),
    ];
    for (const cursor of bad) await expect(store.search(ALL, cursor)).rejects.toBeInstanceOf(ValidationError);
    await expect(store.search(ALL, undefined, 0)).rejects.toBeInstanceOf(ValidationError);
    await expect(store.search(ALL, undefined, 501)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("facets", () => {
  /** `key` gives a record's values: one for most facets, one per policy type or side (none counts nowhere). */
  function bruteFacet(f: LogFilter, key: (r: InvocationRecord) => string | null | readonly string[]) {
    const counts = new Map<string | null, number>();
    for (const r of records.filter((x) => matches(f, x))) {
      const value = key(r);
      for (const v of Array.isArray(value) ? (value as string[]) : [value as string | null])
        counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count }));
  }
  const byValue = (list: { value: string | null; count: number }[]) =>
    [...list].sort((a, b) => String(a.value).localeCompare(String(b.value)));

  it.each([
    ALL,
    { ...ALL, regions: ["eu-west-1"], text: "model" } satisfies LogFilter,
    { ...ALL, guardrailSides: ["output"] } satisfies LogFilter,
    {
      from: at(T0 + 17 * 60_000),
      to: at(T0 + 4 * 86_400_000 + 43 * 60_000),
      guardrailIds: [GUARDRAIL_IDS[2] ?? ""],
    } satisfies LogFilter,
  ])("counts each facet like a brute-force pass (%#)", async (filter) => {
    const facets = await store.facets(filter);
    const expected = {
      models: bruteFacet(filter, (r) => r.modelId),
      principals: bruteFacet(filter, (r) => r.principal.arn),
      operations: bruteFacet(filter, (r) => r.operation),
      errorCodes: bruteFacet(filter, (r) => r.error?.code ?? null),
      guardrailActions: bruteFacet(filter, (r) => r.guardrail.action),
      guardrails: bruteFacet(filter, (r) => r.guardrail.id),
      guardrailPolicyTypes: bruteFacet(filter, (r) => r.guardrail.policyTypes),
      guardrailSides: bruteFacet(filter, sidesOf),
      regions: bruteFacet(filter, (r) => r.region),
    };
    // The cases must exercise the new facets, or they prove nothing.
    expect(expected.guardrails.length).toBeGreaterThan(filter.guardrailIds ? 0 : 1);
    expect(expected.guardrailPolicyTypes.length).toBeGreaterThan(0);
    expect(expected.guardrailSides.length).toBeGreaterThan(0);
    for (const [name, list] of Object.entries(expected) as [keyof typeof expected, typeof expected.models][]) {
      expect(byValue(facets[name]), name).toEqual(byValue(list));
      // Most frequent first.
      expect(facets[name].map((c) => c.count)).toEqual([...facets[name].map((c) => c.count)].sort((a, b) => b - a));
    }
  });
});

describe("timeseries", () => {
  function brute(f: LogFilter, bucket: TimeBucket) {
    const size = BUCKET_MS[bucket];
    const start = Math.floor(Date.parse(f.from) / size) * size;
    const points = [];
    for (let t = start; t < Date.parse(f.to); t += size) {
      const inBucket = records.filter((r) => matches(f, r) && Date.parse(r.timestamp) >= t && Date.parse(r.timestamp) < t + size);
      points.push({
        t: at(t),
        invocations: inBucket.length,
        errors: inBucket.filter((r) => r.error !== null).length,
        interventions: inBucket.filter((r) => r.guardrail.action === "INTERVENED").length,
      });
    }
    return points;
  }
  const cases: [TimeBucket, LogFilter][] = [
    ["hour", { from: at(T0 - 30 * 60_000), to: at(T0 + 2 * 86_400_000) }],
    ["day", ALL],
    ["minute", { from: at(T0), to: at(T0 + 5 * 3_600_000) }],
    ["hour", { from: at(T0), to: at(T0 + 3 * 86_400_000), modelIds: [MODELS[0] ?? ""], hasError: false }],
  ];
  it.each(cases)("%s buckets equal a brute-force pass (%#)", async (bucket, filter) => {
    const { bucket: answered, points: series } = await store.timeseries(filter, bucket);
    expect(answered).toBe(bucket);
    expect(series).toEqual(brute(filter, bucket));
    expect(series.reduce((n, p) => n + p.invocations, 0)).toBeGreaterThan(0);
  });

  it("refuses too many buckets with a ValidationError", async () => {
    await expect(store.timeseries(ALL, "minute")).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("full-text search", () => {
  const ids = (f: LogFilter) => walk(store, f, 500);

  it("finds words from prompts and from responses, case-insensitively", async () => {
    for (const text of ["Rob bank", "shouldn't", "2 + 2", "sorry CANNOT"]) {
      const expected = expectedIds({ ...ALL, text });
      expect(expected.length, text).toBeGreaterThan(0);
      expect(await ids({ ...ALL, text }), text).toEqual(expected);
    }
  });

  it("treats FTS5 syntax as literal text", async () => {
    expect(await ids({ ...ALL, text: HOSTILE_PROMPT })).toEqual(["req-0000"]);
    for (const text of [
      '") OR 1=1 --',
      "NEAR( unicorn",
      "unicorn*",
      "-unicorn",
      "(unicorn)",
      "^ignore",
      "unicorn AND ignore",
      '"unicorn',
    ]) {
      expect(await ids({ ...ALL, text }), text).toEqual(["req-0000"]);
    }
    // No prefix search: `unicor*` is the word "unicor", which no record has.
    expect(await ids({ ...ALL, text: "unicor*" })).toEqual([]);
    // OR is a word to find, not an operator: "bank OR unicorn" needs both.
    expect(await ids({ ...ALL, text: "bank OR unicorn" })).toEqual([]);
  });
});

describe("API contract", () => {
  it("answers in the shapes the browser-side schemas parse", async () => {
    const filter: LogFilter = { ...ALL, hasError: false };
    // Strict parsing: a body or any other unexpected member leaking into a summary fails here.
    const page = await store.search(filter, undefined, 20);
    expect(logPageSchema.strict().parse(page).items.length).toBe(20);
    for (const item of page.items) logSummarySchema.strict().parse(item);
    expect(facetsSchema.strict().parse(await store.facets(filter)).models.length).toBeGreaterThan(0);
    expect(timeseriesSchema.strict().parse(await store.timeseries(filter, "day")).points.length).toBe(59);
  });
});

describe("get", () => {
  it("returns the full record with its bodies", async () => {
    for (const record of records.slice(0, 6)) expect(await store.get(record.id)).toEqual(record);
  });

  it("returns undefined for an unknown id", async () => {
    expect(await store.get("no-such-request")).toBeUndefined();
  });
});

describe("the hourly rollup", () => {
  // Unaligned edges (a :17 start and a :43 end), so whole hours come from the rollup and the ends from records.
  const from = at(T0 + 17 * 60_000);
  const to = at(T0 + 4 * 86_400_000 + 43 * 60_000);
  const cases: [string, LogFilter][] = [
    ["time only", { from, to }],
    ["account + errors", { from, to, accountIds: ["222222222222"], hasError: true }],
    ["policy types + cross-region", { from, to, guardrailPolicyTypes: ["pii", "content"], crossRegion: false }],
    [
      "model + principal + role",
      { from, to, modelIds: [MODELS[0] ?? ""], roles: ["AppRole"], principalArns: [PRINCIPALS[0] ?? ""] },
    ],
    ["under an hour", { from: at(T0 + 5 * 60_000), to: at(T0 + 50 * 60_000) }],
    [
      "guardrail id + side",
      { from, to, guardrailIds: [GUARDRAIL_IDS[0] ?? "", GUARDRAIL_IDS[1] ?? ""], guardrailSides: ["input"] },
    ],
  ];

  it.each(cases)("counts, facets and timeseries agree with the records (%s)", async (_name, filter) => {
    const matching = records.filter((r) => matches(filter, r));
    expect(await store.count(filter)).toBe(matching.length);
    const facets = await store.facets(filter);
    expect(facets.models.reduce((n, c) => n + c.count, 0)).toBe(matching.length);
    expect(facets.errorCodes.find((c) => c.value === null)?.count ?? 0).toBe(matching.filter((r) => r.error === null).length);
    for (const id of GUARDRAIL_IDS) {
      expect(facets.guardrails.find((c) => c.value === id)?.count ?? 0, id).toBe(
        matching.filter((r) => r.guardrail.id === id).length,
      );
    }
    for (const side of ["input", "output"] as const) {
      expect(facets.guardrailSides.find((c) => c.value === side)?.count ?? 0, side).toBe(
        matching.filter((r) => sidesOf(r).includes(side)).length,
      );
    }
    expect(facets.guardrailPolicyTypes.find((c) => c.value === "content")?.count ?? 0).toBe(
      matching.filter((r) => r.guardrail.policyTypes.includes("content")).length,
    );
    for (const bucket of ["hour", "day"] as const) {
      const { points } = await store.timeseries(filter, bucket);
      expect(points.reduce((n, p) => n + p.invocations, 0)).toBe(matching.length);
      expect(points.reduce((n, p) => n + p.errors, 0)).toBe(matching.filter((r) => r.error !== null).length);
      expect(points.reduce((n, p) => n + p.interventions, 0)).toBe(
        matching.filter((r) => r.guardrail.action === "INTERVENED").length,
      );
    }
  });

  it("is not counted twice when a batch is imported again", async () => {
    const again = new SqliteLogStore(":memory:");
    await again.insert(records.slice(0, 100));
    await again.insert(records.slice(0, 100));
    expect(await again.count(ALL)).toBe(100);
    expect((await again.timeseries(ALL, "day")).points.reduce((n, p) => n + p.invocations, 0)).toBe(100);
    again.close();
  });
});

describe("a logs file from an older build", () => {
  it("is refused with what to do, or rebuilt when its content can be regenerated", async () => {
    const file = join(dir, "old.db");
    const old = new SqliteLogStore(file);
    await old.insert(records.slice(0, 5));
    old.close();
    const raw = new (await import("better-sqlite3")).default(file);
    raw.pragma("user_version = 1");
    raw.close();
    expect(() => new SqliteLogStore(file)).toThrow(/schema version 1; this build expects \d+\. Delete it and re-import/);
    const rebuilt = new SqliteLogStore(file, { resetOnSchemaChange: true });
    expect(await rebuilt.count(ALL)).toBe(0);
    rebuilt.close();
    // Rebuilt with the current version: opening again keeps it.
    const again = new SqliteLogStore(file);
    again.close();
  });
});

describe("stored records, deflated in chunks", () => {
  it("reads back every record exactly, across chunk boundaries, after reopening, in any order", async () => {
    const file = join(dir, "chunks.db");
    const many = generateRecords(300, 11);
    const first = new SqliteLogStore(file);
    // Two batches, so chunks from different inserts sit side by side.
    await first.insert(many.slice(0, 130));
    await first.insert(many.slice(130));
    first.close();
    const reopened = new SqliteLogStore(file);
    const order = [...many].reverse().filter((_, i) => i % 3 !== 1);
    for (const r of order) expect(await reopened.get(r.id)).toEqual(r);
    // Back and forth between chunks: the one-chunk cache must not serve a neighbour's bytes.
    for (const r of [many[0], many[299], many[64], many[63], many[0]]) expect(await reopened.get(r?.id ?? "")).toEqual(r);
    reopened.close();
  });
});
