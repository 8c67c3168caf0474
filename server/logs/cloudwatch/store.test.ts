import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { facetsSchema, logPageSchema, timeseriesSchema, type LogFilter } from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import { FakeAws, FakeError } from "@/server/sources/aws/testing/fake-aws";
import { converseRecord, invokeGuardrailRecord } from "../testing/fixtures";
import { LogQueryError } from "./run-query";
import { POLICY_FIRED } from "./signals";
import { CloudWatchLogStore, SIDES_FACET_NOTICE } from "./store";
import {
  FakeInsights,
  StaticTargets,
  evaluateSearch,
  insightsTime,
  type Answer,
  type FakeEvent,
  type StartInput,
} from "./testing/fake-insights";

const T0 = Date.parse("2025-03-01T12:00:00Z");
const RANGE: LogFilter = { from: "2025-03-01T00:00:00Z", to: "2025-03-02T00:00:00Z" };
const A = { accountId: "111111111111", region: "us-east-1", logGroupName: "/bedrock/a" };
const B = { accountId: "222222222222", region: "eu-west-1", logGroupName: "/bedrock/b" };
const FAST = { run: { pollInitialMs: 5, pollMaxMs: 20, deadlineMs: 5_000 } };

/** An event holding a real record shape, with its own request id and time. */
function event(id: string, t: number, base: Record<string, unknown> = converseRecord): FakeEvent {
  const raw = { ...base, requestId: id, timestamp: new Date(t).toISOString() };
  return { t, id, message: JSON.stringify(raw) };
}

let fake: FakeAws;
let insights: FakeInsights;
let targets: StaticTargets | undefined;
const events = new Map<string, FakeEvent[]>();

/** The fake answers search queries from `events` per log group; other queries get `other`. */
function serve(other: (input: StartInput) => Record<string, string>[] = () => []) {
  insights.respond((input) => {
    const group = input.logGroupNames[0] ?? "";
    if (input.queryString.startsWith("fields @timestamp, requestId, @message"))
      return { rows: evaluateSearch(events.get(group) ?? [], input.queryString, input.limit ?? 10_000), statuses: ["Running"] };
    return { rows: other(input) };
  });
}

async function store(places = [A, B], skipped: string[] = [], options = FAST) {
  await fake.start();
  targets = new StaticTargets(fake.url, places, skipped);
  return new CloudWatchLogStore(targets, options);
}

beforeEach(() => {
  fake = new FakeAws();
  insights = new FakeInsights(fake, () => ({ rows: [] }));
  events.clear();
});
afterEach(async () => {
  targets?.dispose();
  targets = undefined;
  await fake.stop();
});

describe("search", () => {
  it("merges targets newest first and pages through every record exactly once, ties and all", async () => {
    // Three records per millisecond in A, two in B at the same times, and one millisecond holding seven.
    const a = Array.from({ length: 30 }, (_, i) => event(`a-${String(i).padStart(2, "0")}`, T0 + Math.floor(i / 3)));
    const b = Array.from({ length: 20 }, (_, i) => event(`b-${String(i).padStart(2, "0")}`, T0 + Math.floor(i / 2)));
    const crowd = Array.from({ length: 7 }, (_, i) => event(`c-${i}`, T0 - 1000));
    events.set(A.logGroupName, [...a, ...crowd]);
    events.set(B.logGroupName, b);
    serve();
    const s = await store();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 40; page++) {
      const out = logPageSchema.parse(await s.search(RANGE, cursor, 3));
      seen.push(...out.items.map((i) => i.id));
      if (out.nextCursor === null) break;
      cursor = out.nextCursor;
    }
    const expected = [...a, ...b, ...crowd].sort((x, y) => y.t - x.t || (x.id < y.id ? 1 : -1)).map((e) => e.id);
    expect(seen).toEqual(expected);
    // The seven-record millisecond is larger than a page, so it was read in request-id order.
    expect(insights.started.some((q) => q.queryString.includes("sort requestId desc"))).toBe(true);
  });

  it("returns normalised summaries, with the query's window in epoch seconds and the page limit", async () => {
    events.set(A.logGroupName, [event("g-1", T0, invokeGuardrailRecord)]);
    serve();
    const s = await store([A]);
    const page = await s.search({ ...RANGE, guardrailActions: ["INTERVENED"] }, undefined, 10);
    expect(page.items).toEqual([
      expect.objectContaining({
        id: "g-1",
        guardrailAction: "INTERVENED",
        guardrailPolicyTypes: ["content"],
        guardrailId: "h28wrktbwagn",
        guardrailSide: "input",
        accountId: "111111111111",
      }),
    ]);
    expect(page.nextCursor).toBeNull();
    expect(insights.started[0]).toMatchObject({
      logGroupNames: ["/bedrock/a"],
      startTime: Date.parse(RANGE.from) / 1000,
      endTime: Date.parse(RANGE.to) / 1000,
      limit: 11,
    });
  });

  it("reuses a recent answer: the same page again starts no second query", async () => {
    events.set(A.logGroupName, [event("x-1", T0)]);
    serve();
    const s = await store([A]);
    await s.search(RANGE);
    await s.search(RANGE);
    expect(fake.callCount("logs", "StartQuery")).toBe(1);
    await s.search({ ...RANGE, operations: ["Converse"] });
    expect(fake.callCount("logs", "StartQuery")).toBe(2);
  });

  it("says which regions were not searched and why", async () => {
    serve();
    const s = await store([A], ["222222222222/eu-west-1: model invocation logging is off"]);
    const page = await s.search(RANGE);
    expect(page.notice).toBe("Not searched: 222222222222/eu-west-1: model invocation logging is off.");
  });

  it("refuses a bad cursor or page size before querying", async () => {
    const s = await store([A]);
    await expect(s.search(RANGE, "not a cursor!")).rejects.toThrow(ValidationError);
    await expect(s.search(RANGE, undefined, 501)).rejects.toThrow(ValidationError);
    expect(fake.callCount("logs")).toBe(0);
  });
});

describe("query lifecycle", () => {
  it("polls Running until Complete", async () => {
    insights.respond(() => ({ rows: [{ n: "4" }], statuses: ["Scheduled", "Running", "Running"] }));
    const s = await store([A]);
    expect(await s.count(RANGE)).toBe(4);
    expect(fake.callCount("logs", "GetQueryResults")).toBe(4);
  });

  it.each(["Failed", "Timeout", "Cancelled", "Unknown"])("turns %s into a typed error naming the target", async (status) => {
    insights.respond(() => ({ statuses: ["Running"], final: status }));
    const s = await store([A]);
    const failure = s.count(RANGE);
    await expect(failure).rejects.toThrow(LogQueryError);
    await expect(failure).rejects.toMatchObject({
      queryStatus: status,
      message: expect.stringContaining("111111111111/us-east-1"),
    });
  });

  it("keeps the answer of the targets that worked, and names the one that failed", async () => {
    insights.respond((q) => (q.logGroupNames[0] === B.logGroupName ? { final: "Failed" } : { rows: [{ n: "3" }] }));
    const s = await store([A, B]);
    const facets = await s.facets(RANGE);
    expect(facets.notice).toMatch(/Partial answer: .*222222222222\/eu-west-1.*Failed/);
    expect(await s.count(RANGE)).toBe(3);
  });

  it("names the IAM action when StartQuery is denied", async () => {
    fake.fault("logs", "StartQuery", "denied");
    const s = await store([A]);
    await expect(s.count(RANGE)).rejects.toMatchObject({
      action: "logs:StartQuery",
      message: expect.stringContaining("Access denied"),
    });
  });

  it("waits out throttling and the concurrent-query limit, then succeeds", async () => {
    fake.fault("logs", "StartQuery", "throttle", 1);
    // More refusals than the SDK's own attempts (3 here): the store's wait-and-retry must take over.
    let busy = 3;
    insights.respond(() => {
      if (busy-- > 0) throw new FakeError("LimitExceededException", "too many concurrent queries");
      return { rows: [{ n: "7" }] };
    });
    const s = await store([A], [], { run: { ...FAST.run, deadlineMs: 15_000 } });
    expect(await s.count(RANGE)).toBe(7);
    expect(fake.callCount("logs", "StartQuery")).toBe(5);
    // The SDK's adaptive retry mode slows the client down after throttling: seconds, not milliseconds.
  }, 30_000);

  it("stops the query in AWS and rejects when the caller aborts", async () => {
    insights.respond(() => ({ statuses: Array.from({ length: 1000 }, () => "Running") }));
    const s = await store([A, B]);
    const controller = new AbortController();
    const pending = s.search(RANGE, undefined, 5, { signal: controller.signal });
    await expect.poll(() => fake.callCount("logs", "GetQueryResults")).toBeGreaterThanOrEqual(2);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    await expect.poll(() => insights.stopped.length).toBe(2);
  });

  it("stops the query and errs past the deadline", async () => {
    insights.respond(() => ({ statuses: Array.from({ length: 1000 }, () => "Running") }));
    const s = await store([A], [], { run: { ...FAST.run, deadlineMs: 150 } });
    await expect(s.count(RANGE)).rejects.toMatchObject({ queryStatus: "Deadline", status: 502 });
    await expect.poll(() => insights.stopped).toEqual(["q-1"]);
  });
});

describe("count, facets and timeseries", () => {
  it("sums counts across targets", async () => {
    insights.respond((q) => ({ rows: [{ n: q.logGroupNames[0] === A.logGroupName ? "5" : "6" }] }));
    const s = await store();
    expect(await s.count(RANGE)).toBe(11);
  });

  it("merges facet values across targets, derives guardrail actions, and says when a facet hit the row limit", async () => {
    insights.respond((q): Answer => {
      const text = q.queryString;
      const a = q.logGroupNames[0] === A.logGroupName;
      if (text.includes("by modelId"))
        return {
          rows: [
            { modelId: "m1", n: a ? "2" : "3" },
            { modelId: "m2", n: "4" },
          ],
        };
      if (text.includes("by identity.arn"))
        return { rows: Array.from({ length: a ? 200 : 1 }, (_, i) => ({ "identity.arn": `arn:aws:iam::1:user/u${i}`, n: "1" })) };
      if (text.includes("by errorCode")) return { rows: [{ n: "9" }, { errorCode: "ValidationException", n: "1" }] };
      if (text.includes("by strataGuardrailTraced, strataGuardrailNamed"))
        return {
          rows: [
            { strataGuardrailTraced: "gr1alpha", n: "3" },
            { strataGuardrailTraced: "gr2beta", strataGuardrailNamed: "gr1alpha", n: a ? "1" : "0" },
            { strataGuardrailTraced: "", strataGuardrailNamed: "gr2beta", n: "2" },
            { n: "5" },
          ],
        };
      if (text.includes(`filter ${POLICY_FIRED.pii}\n`)) return { rows: [{ n: a ? "4" : "1" }] };
      if (Object.values(POLICY_FIRED).some((p) => text.includes(`filter ${p}\n`))) return { rows: [{ n: "0" }] };
      if (text.includes("guardrail_intervened") && text.endsWith("stats count(*) as n"))
        return { rows: [{ n: text.includes("not (") ? "2" : "3" }] };
      if (text.endsWith("stats count(*) as n")) return { rows: [{ n: "10" }] };
      return { rows: [] };
    });
    const s = await store();
    const facets = facetsSchema.parse(await s.facets(RANGE));
    expect(facets.models).toEqual([
      { value: "m2", count: 8 },
      { value: "m1", count: 5 },
    ]);
    expect(facets.principals).toHaveLength(50);
    expect(facets.errorCodes).toEqual([
      { value: null, count: 18 },
      { value: "ValidationException", count: 2 },
    ]);
    expect(facets.guardrailActions).toEqual([
      { value: null, count: 10 },
      { value: "INTERVENED", count: 6 },
      { value: "NONE", count: 4 },
    ]);
    // The traced id wins; a request's identifier counts only without one.
    expect(facets.guardrails).toEqual([
      { value: null, count: 10 },
      { value: "gr1alpha", count: 6 },
      { value: "gr2beta", count: 5 },
    ]);
    expect(facets.guardrailPolicyTypes).toEqual([{ value: "pii", count: 5 }]);
    expect(facets.guardrailSides).toEqual([]);
    expect(facets.notice).toMatch(/top 200 values in each of 111111111111\/us-east-1/);
    expect(facets.notice).toContain(SIDES_FACET_NOTICE);
    // Per target: five field facets, three guardrail counts, the guardrail ids and seven policy types, all run in AWS.
    expect(insights.started).toHaveLength(32);
  });

  it("fills a UTC-aligned series with zeros and adds up targets and kinds", async () => {
    insights.respond((q) => {
      const text = q.queryString;
      const at = (h: number) => insightsTime(Date.parse(RANGE.from) + h * 3_600_000);
      if (text.includes("not isempty(errorCode)")) return { rows: [{ "bin(1h)": at(2), n: "1" }] };
      if (text.includes("guardrail_intervened")) return { rows: [{ "bin(1h)": at(3), n: "2" }] };
      return {
        rows: [
          { "bin(1h)": at(2), n: "5" },
          { "bin(1h)": at(23), n: "1" },
        ],
      };
    });
    const s = await store();
    const series = timeseriesSchema.parse(await s.timeseries({ ...RANGE, from: "2025-03-01T00:30:00Z" }, "hour"));
    expect(series.points).toHaveLength(24);
    expect(series.points[0]).toEqual({ t: "2025-03-01T00:00:00.000Z", invocations: 0, errors: 0, interventions: 0 });
    expect(series.points[2]).toEqual({ t: "2025-03-01T02:00:00.000Z", invocations: 10, errors: 2, interventions: 0 });
    expect(series.points[3]?.interventions).toBe(4);
    expect(series.points[23]?.invocations).toBe(2);
    expect(series.notice).toBeUndefined();
  });

  it("says when a series hit Insights' 10,000-row maximum", async () => {
    insights.respond(() => ({ rows: Array.from({ length: 10_000 }, () => ({ "bin(1m)": insightsTime(T0), n: "1" })) }));
    const s = await store([A]);
    const series = await s.timeseries({ from: "2025-03-01T00:00:00Z", to: "2025-03-07T00:00:00Z" }, "minute");
    expect(series.notice).toMatch(/10,000-row maximum/);
  });
});

describe("get", () => {
  it("reads a record it listed from its own log group over two seconds", async () => {
    events.set(A.logGroupName, [event("r-1", T0)]);
    serve();
    const s = await store();
    await s.search(RANGE);
    insights.respond((q) => ({
      rows: q.queryString.includes('requestId = "r-1"') ? evaluateSearch(events.get(A.logGroupName) ?? [], "", 1) : [],
    }));
    const before = insights.started.length;
    const record = await s.get("r-1");
    expect(record).toMatchObject({ id: "r-1", operation: "Converse", inputBody: converseRecord.input.inputBodyJson });
    const asked = insights.started.slice(before);
    expect(asked).toEqual([
      expect.objectContaining({ logGroupNames: [A.logGroupName], startTime: T0 / 1000 - 1, endTime: T0 / 1000 + 1 }),
    ]);
  });

  it("searches every target for an id it has not seen, and answers undefined when none has it", async () => {
    const s = await store();
    expect(await s.get("9b6c3dc7-5ace-4a53-94f4-8dd7e551f41a")).toBeUndefined();
    expect(insights.started.map((q) => q.logGroupNames[0]).sort()).toEqual([A.logGroupName, B.logGroupName]);
    await expect(s.get('x" or 1=1')).rejects.toThrow(ValidationError);
  });
});
