import "server-only";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createClients, destroyClients, type AwsClients } from "@/server/sources/aws/clients";
import { FakeAws } from "@/server/sources/aws/testing/fake-aws";
import { lookupAll } from "./fan-out";
import { lookup, type LookupOptions } from "./lookup";
import { KeyedRateLimiter, lookupLimiter } from "./rate-limit";
import { BEDROCK_SOURCE, SECURITY_EVENT_NAMES, lookupPlan } from "./scope";
import { serveLookupEvents, virtualClock, type LookupCall, type TrailEvent } from "./testing/fake-lookup";

const NOW = Date.parse("2026-11-27T06:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;
const PLAN = lookupPlan().length;

/** 130 Bedrock events, 40 StopLogging, 7 PutKeyPolicy, and same-named events of services out of scope. */
function dataset(account: string): TrailEvent[] {
  const events: TrailEvent[] = [];
  for (let i = 0; i < 130; i++)
    events.push({ id: `${account}-b${i}`, time: NOW - i * 7 * MIN, source: BEDROCK_SOURCE, name: "InvokeModel", account });
  for (let i = 0; i < 40; i++)
    events.push({
      id: `${account}-s${i}`,
      time: NOW - i * 11 * MIN - 30_000,
      source: "cloudtrail.amazonaws.com",
      name: "StopLogging",
      account,
    });
  for (let i = 0; i < 7; i++)
    events.push({
      id: `${account}-k${i}`,
      time: NOW - i * 97 * MIN - 1_000,
      source: "kms.amazonaws.com",
      name: "PutKeyPolicy",
      account,
    });
  // DeletePolicy exists in IAM too: found by the name lookup, not shown.
  events.push({ id: `${account}-iam`, time: NOW - 5 * MIN, source: "iam.amazonaws.com", name: "DeletePolicy", account });
  return events;
}
const inScopeIds = (events: TrailEvent[]) =>
  events
    .filter((e) => e.source === BEDROCK_SOURCE || SECURITY_EVENT_NAMES[e.name] === e.source)
    .sort((a, b) => b.time - a.time)
    .map((e) => e.id);

let fake: FakeAws;
let clients: AwsClients[];
let calls: LookupCall[];
let clock: ReturnType<typeof virtualClock>;
let limiter: KeyedRateLimiter;

async function client(key: string) {
  if (fake.url === "") await fake.start();
  const c = createClients({
    region: "us-east-1",
    endpoint: fake.url,
    credentials: { accessKeyId: key, secretAccessKey: "x" },
    maxAttempts: 1,
  });
  clients.push(c);
  return c.cloudtrail;
}

beforeEach(() => {
  fake = new FakeAws();
  clients = [];
  calls = [];
  clock = virtualClock(NOW);
  limiter = new KeyedRateLimiter(2, clock);
  serveLookupEvents(fake, [...dataset("AKIDA"), ...dataset("AKIDB"), ...dataset("AKIDDENIED")], () => Date.now(), calls);
});
afterEach(async () => {
  for (const c of clients) destroyClients(c);
  await fake.stop();
});

/**
 * The shortest time any `n` consecutive arrivals took: at 10 calls/s, 5 gaps must span about 500 ms
 * (a few ms of request jitter aside), which a burst would not.
 */
function minSpan(times: number[], n: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.min(...sorted.slice(n).map((t, i) => t - (sorted[i] ?? 0)));
}

async function readAll(options: Omit<LookupOptions, "cursor">) {
  const pages = [];
  let cursor: string | null = null;
  do {
    const page = await lookup({ ...options, cursor });
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

describe("lookup (one account × region)", () => {
  it("merges the lookups newest first across NextToken pages, with a cursor that round-trips", async () => {
    const base = {
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - 30 * DAY),
      to: new Date(NOW),
      limit: 23,
      limiter,
      clock,
    };
    const pages = await readAll(base);
    const ids = pages.flatMap((p) => p.events.map((e) => e.id));
    expect(ids).toEqual(inScopeIds(dataset("AKIDA")));
    expect(pages.slice(0, -1).every((p) => p.events.length === 23)).toBe(true);
    // The Bedrock lookup needed NextToken pages; tokens went only to the lookup that issued them.
    expect(
      calls.filter((c) => c.attribute === `EventSource=${BEDROCK_SOURCE}` && c.token !== null).length,
    ).toBeGreaterThanOrEqual(2);
    // Every call repeated the first call's time range, as NextToken requires.
    expect(new Set(calls.map((c) => `${c.start}/${c.end}`)).size).toBe(1);
    // A page's cursor gives the same next page when used again, from a fresh call.
    const again = await lookup({ ...base, cursor: pages[0]?.nextCursor });
    expect(again.events.map((e) => e.id)).toEqual(pages[1]?.events.map((e) => e.id));
  });

  it("reads only what the page needs: one call per lookup for a short first page", async () => {
    const page = await lookup({
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - DAY),
      to: new Date(NOW),
      limit: 5,
      limiter,
      clock,
    });
    expect(page.events).toHaveLength(5);
    expect(calls).toHaveLength(PLAN);
    expect(new Set(calls.map((c) => c.attribute)).size).toBe(PLAN);
  });

  it("stops a page that finds too little after a bounded number of reads, and the cursor continues", async () => {
    // 60 pages of Bedrock events, none by the actor asked for.
    const many = Array.from({ length: 3_000 }, (_, i) => ({
      id: `m${i}`,
      time: NOW - i * MIN,
      source: BEDROCK_SOURCE,
      name: "Converse",
      account: "AKIDA",
    }));
    serveLookupEvents(fake, many, () => Date.now(), calls);
    const base = {
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - 30 * DAY),
      to: new Date(NOW),
      limit: 10,
      limiter,
      clock,
    };
    const page = await lookup({ ...base, actorArn: "arn:aws:iam::1:user/nobody" });
    expect(page.events).toEqual([]);
    expect(page.notice).toMatch(/^Stopped after \d+ CloudTrail lookups/);
    expect(calls.length).toBeLessThanOrEqual(40);
    expect(page.nextCursor).not.toBeNull();
    const rest = await readAll({ ...base, actorArn: "arn:aws:iam::1:user/nobody" });
    expect(rest.length).toBeGreaterThan(1);
    expect(rest.at(-1)?.nextCursor).toBeNull();
  });

  it("refuses a cursor from another filter or a forged one", async () => {
    const base = {
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - DAY),
      to: new Date(NOW),
      limit: 5,
      limiter,
      clock,
    };
    const first = await lookup(base);
    await expect(lookup({ ...base, from: new Date(NOW - 2 * DAY), cursor: first.nextCursor })).rejects.toThrow("another filter");
    await expect(lookup({ ...base, cursor: "bm90LWpzb24" })).rejects.toThrow("not valid");
  });

  it("sends every call through the account × region's rate limiter", async () => {
    // Real time at 10 calls/s keeps the test short; the limiter's own tests prove the 2/s spacing.
    const fast = new KeyedRateLimiter(10);
    await readAll({
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - 30 * DAY),
      to: new Date(NOW),
      limit: 50,
      limiter: fast,
    });
    const times = calls.map((c) => c.at).sort((a, b) => a - b);
    expect(times.length).toBeGreaterThan(PLAN);
    expect(minSpan(times, 5)).toBeGreaterThanOrEqual(450);
  });

  it("retries ThrottlingException with backoff, then succeeds", async () => {
    fake.fault("cloudtrail", "LookupEvents", "throttle", 2);
    const page = await lookup({
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - DAY),
      to: new Date(NOW),
      limit: 5,
      limiter,
      clock,
    });
    expect(page.events.map((e) => e.id)).toEqual(inScopeIds(dataset("AKIDA")).slice(0, 5));
    expect(fake.callCount("cloudtrail", "LookupEvents")).toBe(PLAN + 2);
    expect(clock.sleeps.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(2);
  });

  it("gives up on throttling after five attempts", async () => {
    fake.fault("cloudtrail", "LookupEvents", "throttle", 5);
    const options = {
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - DAY),
      to: new Date(NOW),
      limit: 5,
      names: ["StopLogging"],
      limiter,
      clock,
    };
    await expect(lookup(options)).rejects.toMatchObject({ name: "ThrottlingException" });
    expect(fake.callCount("cloudtrail", "LookupEvents")).toBe(5);
    expect(clock.sleeps.filter((ms) => ms >= 1000)).toEqual([1000, 2000, 4000, 8000]);
  });

  it("clamps a range older than 90 days, with a notice, and keeps that start on later pages", async () => {
    const base = {
      client: await client("AKIDA"),
      accountId: "A",
      region: "us-east-1",
      from: new Date(NOW - 200 * DAY),
      to: new Date(NOW),
      limit: 60,
      limiter,
      clock,
    };
    const first = await lookup(base);
    expect(first.notice).toContain("90 days");
    expect(calls[0]?.start).toBe(Math.floor((NOW - 90 * DAY) / 1000) * 1000);
    await lookup({ ...base, cursor: first.nextCursor });
    expect(new Set(calls.map((c) => c.start)).size).toBe(1);
    const recent = await lookup({ ...base, from: new Date(NOW - 10 * DAY) });
    expect(recent.notice).toBeUndefined();
  });
});

describe("lookupAll (many targets)", () => {
  it("merges targets newest first across pages; a denied target is a notice naming cloudtrail:LookupEvents", async () => {
    const targets = [
      { accountId: "A", region: "us-east-1", client: await client("AKIDA") },
      { accountId: "D", region: "us-east-1", client: await client("AKIDDENIED") },
      { accountId: "B", region: "eu-west-1", client: await client("AKIDB") },
    ];
    const base = { targets, from: new Date(NOW - 30 * DAY), to: new Date(NOW), limit: 40, limiter, clock };
    const ids: string[] = [];
    let cursor: string | null = null;
    let notices = 0;
    for (let n = 0; n < 50; n++) {
      const page = await lookupAll({ ...base, cursor });
      if (page.notice?.includes("cloudtrail:LookupEvents")) notices += 1;
      if (n === 0) expect(page.notice).toMatch(/^D\/us-east-1: Access denied for cloudtrail:LookupEvents/);
      ids.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      if (cursor === null) break;
    }
    const expected = [...dataset("AKIDA"), ...dataset("AKIDB")];
    const byTime = new Map(expected.map((e) => [e.id, e.time]));
    expect([...ids].sort()).toEqual(inScopeIds(expected).sort());
    expect(ids.map((id) => byTime.get(id) ?? 0)).toEqual(ids.map((id) => byTime.get(id) ?? 0).sort((a, b) => b - a));
    // The denied target is reported once and then left alone.
    expect(notices).toBe(1);
  });

  it("paces each account × region on its own budget, so targets run side by side", async () => {
    const fast = new KeyedRateLimiter(10);
    const targets = [
      { accountId: "A", region: "us-east-1", client: await client("AKIDA") },
      { accountId: "B", region: "eu-west-1", client: await client("AKIDB") },
    ];
    await lookupAll({ targets, from: new Date(NOW - DAY), to: new Date(NOW), limit: 5, limiter: fast });
    for (const key of ["AKIDA", "AKIDB"]) {
      const times = calls.filter((c) => c.key === key).map((c) => c.at);
      expect(times).toHaveLength(PLAN);
      expect(minSpan(times, 5)).toBeGreaterThanOrEqual(450);
    }
    // Both budgets spent at once: the page took about as long as one target's calls, not two.
    const all = calls.map((c) => c.at);
    expect(Math.max(...all) - Math.min(...all)).toBeLessThan((2 * PLAN - 2) * 100);
  });
});

describe("KeyedRateLimiter", () => {
  it("lets 2 calls per second start per key, in order, and keys do not share a budget", async () => {
    const c = virtualClock(0);
    const l = new KeyedRateLimiter(2, c);
    await Promise.all([
      l.acquire("111/us-east-1"),
      l.acquire("111/us-east-1"),
      l.acquire("111/us-east-1"),
      l.acquire("111/us-east-1"),
    ]);
    expect(c.wakes).toEqual([500, 1000, 1500]);
    c.wakes.length = 0;
    await l.acquire("222/us-east-1");
    await l.acquire("111/eu-west-1");
    expect(c.wakes).toEqual([]);
    // Idle time is not banked: after a pause, calls are paced again from now.
    await c.sleep(10_000);
    c.wakes.length = 0;
    await Promise.all([l.acquire("111/us-east-1"), l.acquire("111/us-east-1"), l.acquire("111/us-east-1")]);
    expect(c.wakes).toEqual([12_000, 12_500]);
  });

  it("is one process-wide limiter at LookupEvents' documented rate", () => {
    expect(lookupLimiter()).toBe(lookupLimiter());
    expect(lookupLimiter().perSecond).toBe(2);
  });
});
