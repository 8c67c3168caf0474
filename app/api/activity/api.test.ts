import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { activityEventSchema } from "@/lib/schemas/activity";
import { activityPageSchema, detectionsResponseSchema } from "@/lib/schemas/activity-api";
import { DemoActivitySource } from "@/server/activity/demo/source";
import { normalizeLookupEvent } from "@/server/activity/event";
import { clearDetectionsCache } from "@/server/activity/explorer/detections";
import type { ActivityFilter, ActivitySource } from "@/server/activity/source";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { GET as detectionsGet } from "./detections/route";
import { GET as eventGet } from "./events/[id]/route";
import { POST as list } from "./events/route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { db: unknown; source: unknown } => ({ db: undefined, source: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(deps.db) }));
vi.mock("@/server/activity", () => ({ getActivitySource: () => Promise.resolve(deps.source) }));

const END = new Date("2026-11-28T00:00:00Z");
const DAY = 86_400_000;
const RANGE = { from: new Date(END.getTime() - 30 * DAY).toISOString(), to: END.toISOString() };
const demo = new DemoActivitySource(() => END);

/** A malformed CloudTrail record next to the demo's, as LookupEvents can return one. */
const MALFORMED_RAW = '{"eventVersion":"1.09","userIdentity":{"type":"IAMUser"'; // cut off mid-object
const malformed = normalizeLookupEvent({
  EventId: "malformed-0001",
  EventName: "UpdateGuardrail",
  EventSource: "bedrock.amazonaws.com",
  EventTime: new Date(END.getTime() - DAY),
  Username: "dev-jmorales",
  CloudTrailEvent: MALFORMED_RAW,
});
const withMalformed: ActivitySource = {
  list: async (filter: ActivityFilter, cursor, limit) => {
    const page = await demo.list(filter, cursor, limit);
    return cursor ? page : { ...page, events: [malformed, ...page.events] };
  },
  get: async (id) => (id === malformed.id ? malformed : demo.get(id)),
};

function as(role: Role): void {
  session.current = {
    user: { id: `${role}-1`, name: `${role} person`, email: `${role}@example.test`, role },
    expires: "2099-01-01T00:00:00.000Z",
  };
}
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const post = (body: unknown) =>
  new NextRequest("http://127.0.0.1/api/activity/events", {
    method: "POST",
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const get = (path: string) => new NextRequest(`http://127.0.0.1${path}`);
const detectionsUrl = (filter: unknown) => `/api/activity/detections?filter=${encodeURIComponent(JSON.stringify(filter))}`;

let testDb: TestDb;
beforeAll(async () => {
  testDb = await sqliteTestDb();
  deps.db = testDb.db;
});
afterAll(() => testDb.close());
beforeEach(() => {
  deps.source = demo;
  clearDetectionsCache();
});

describe("permissions", () => {
  it("is closed to a viewer on every route", async () => {
    as("viewer");
    expect((await list(post({ filter: RANGE }), ctx())).status).toBe(403);
    expect((await eventGet(get("/api/activity/events/x"), ctx({ id: "x" }))).status).toBe(403);
    expect((await detectionsGet(get(detectionsUrl(RANGE)), ctx())).status).toBe(403);
  });
});

describe("list events", () => {
  it("rejects bad input with the field's message", async () => {
    as("auditor");
    const cases: [unknown, string][] = [
      [{ filter: { from: "yesterday", to: RANGE.to } }, "ISO-8601"],
      [{ filter: { from: RANGE.to, to: RANGE.from } }, "end must be after the start"],
      [{ filter: { from: "2026-01-01T00:00:00Z", to: RANGE.to } }, "at most 90 days"],
      [{ filter: { ...RANGE, accountIds: ["12"] } }, "12 digits"],
      [{ filter: { ...RANGE, actorArn: "dev-jmorales" } }, "ARN"],
      [{ filter: RANGE, limit: 5000 }, "limit"],
      ["{nope", "not valid JSON"],
    ];
    for (const [body, message] of cases) {
      const response = await list(post(body), ctx());
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(await response.json())).toContain(message);
    }
  });

  it("pages newest first with a stable `to`, without raw, and the pages join up to the whole range", async () => {
    as("analyst");
    const filter = { ...RANGE, accountIds: ["672443109827"] };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await list(post({ filter, cursor, limit: 200 }), ctx());
      expect(response.status).toBe(200);
      const json = (await response.json()) as Record<string, unknown>;
      const page = activityPageSchema.parse(json);
      expect(JSON.stringify(json)).not.toContain('"raw"');
      for (const e of page.events) {
        expect(e.accountId).toBe("672443109827");
        expect(e.time < RANGE.to && e.time >= RANGE.from).toBe(true);
      }
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null && pages < 100);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await demo.list({ from: new Date(RANGE.from), to: END, accountIds: ["672443109827"] }, null, 100_000);
    expect(seen).toEqual(all.events.map((e) => e.id));
  });

  it("filters on actor and event name, and on failed calls only", async () => {
    as("analyst");
    const actorArn = "arn:aws:iam::672443109827:user/dev-jmorales";
    const failed = activityPageSchema.parse(
      await (await list(post({ filter: { ...RANGE, actorArn, failedOnly: true }, limit: 20 }), ctx())).json(),
    );
    expect(failed.events.length).toBeGreaterThan(0);
    for (const e of failed.events) {
      expect(e.actor.arn).toBe(actorArn);
      expect(e.errorCode).not.toBeNull();
    }
    const deleted = activityPageSchema.parse(
      await (await list(post({ filter: { ...RANGE, names: ["DeleteModelInvocationLoggingConfiguration"] } }), ctx())).json(),
    );
    expect(deleted.events.map((e) => [e.name, e.region])).toContainEqual([
      "DeleteModelInvocationLoggingConfiguration",
      "eu-west-1",
    ]);
  });

  it("rejects a cursor the source cannot read", async () => {
    as("analyst");
    const response = await list(post({ filter: RANGE, cursor: "garbage" }), ctx());
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain("cursor");
  });
});

describe("one event", () => {
  it("returns the event with its raw JSON, and 404s an id the source no longer has", async () => {
    as("auditor");
    const [first] = (await demo.list({ from: new Date(RANGE.from), to: END }, null, 1)).events;
    expect(first).toBeDefined();
    const id = first?.id ?? "";
    const response = await eventGet(get(`/api/activity/events/${id}`), ctx({ id }));
    const event = activityEventSchema.parse(await response.json());
    expect(event.id).toBe(id);
    expect(JSON.parse(event.raw)).toMatchObject({ eventID: id });
    const gone = await eventGet(get("/api/activity/events/gone"), ctx({ id: "gone" }));
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: "not_found" } });
    const bad = await eventGet(get("/api/activity/events/a%20b"), ctx({ id: "a b" }));
    expect(bad.status).toBe(400);
  });

  it("lists a malformed event with its parse error, and returns its raw text as it came", async () => {
    as("analyst");
    deps.source = withMalformed;
    const page = activityPageSchema.parse(await (await list(post({ filter: RANGE, limit: 5 }), ctx())).json());
    const listed = page.events.find((e) => e.id === malformed.id);
    expect(listed?.parseError).toMatch(/not JSON/);
    expect(listed && "raw" in listed).toBe(false);
    const event = activityEventSchema.parse(
      await (await eventGet(get(`/api/activity/events/${malformed.id}`), ctx({ id: malformed.id }))).json(),
    );
    expect(event.raw).toBe(MALFORMED_RAW);
    expect(event.parseError).toMatch(/not JSON/);
  });
});

describe("detections", () => {
  it("flags the demo incident's logging deletion as critical, with its check and events", async () => {
    as("auditor");
    const response = await detectionsGet(get(detectionsUrl(RANGE)), ctx());
    expect(response.status).toBe(200);
    const result = detectionsResponseSchema.parse(await response.json());
    expect(result.eventsRead).toBeGreaterThan(100);
    expect(result.notices.join(" ")).toMatch(/No completed scan yet/);
    const deleted = result.detections.find((d) => d.title === "Model invocation logging deleted");
    expect(deleted).toMatchObject({
      severity: "critical",
      region: "eu-west-1",
      accountId: "672443109827",
      checkId: "bedrock-invocation-logging-enabled",
      actor: { arn: "arn:aws:iam::672443109827:user/dev-jmorales" },
    });
    expect(deleted?.checkTitle).toBeTruthy();
    const event = await demo.get(deleted?.eventIds[0] ?? "");
    expect(event?.name).toBe("DeleteModelInvocationLoggingConfiguration");
    // Sorted by severity first.
    const ranks = result.detections.map((d) => ["critical", "high", "medium", "low"].indexOf(d.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("honours the account filter and refuses a bad filter", async () => {
    as("analyst");
    const other = detectionsResponseSchema.parse(
      await (await detectionsGet(get(detectionsUrl({ ...RANGE, accountIds: ["111122223333"] })), ctx())).json(),
    );
    expect(other.detections.filter((d) => d.accountId === "672443109827")).toEqual([]);
    const bad = await detectionsGet(get("/api/activity/detections?filter=%7Bnope"), ctx());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("must be JSON");
  });
});

describe("detections scope", () => {
  it("looks at the whole range whatever the table's event-name and actor filters", async () => {
    as("analyst");
    const narrowed = detectionsResponseSchema.parse(
      await (
        await detectionsGet(
          get(detectionsUrl({ ...RANGE, names: ["ListFoundationModels"], actorArn: "arn:aws:iam::1:user/x" })),
          ctx(),
        )
      ).json(),
    );
    expect(narrowed.detections.map((d) => d.title)).toContain("Model invocation logging deleted");
  });
});
