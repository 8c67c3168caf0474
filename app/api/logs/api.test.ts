import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Role } from "@/lib/auth/roles";
import { logDetailSchema, savedViewSchema } from "@/lib/schemas/log-detail";
import { logPageSchema } from "@/lib/schemas/logs";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { SqliteLogStore } from "@/server/logs/store/sqlite";
import { generateRecords } from "@/server/logs/store/testing/records";
import { GET as exportGet } from "./export/route";
import { GET as recordGet } from "./records/[id]/route";
import { POST as reveal } from "./records/[id]/reveal/route";
import { GET as search } from "./route";
import { DELETE as deleteView } from "./views/[id]/route";
import { GET as listViews, POST as createView } from "./views/route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const deps = vi.hoisted((): { db: unknown; store: unknown } => ({ db: undefined, store: undefined }));
vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/db", () => ({ getDb: () => Promise.resolve(deps.db) }));
vi.mock("@/server/logs", () => ({ getLogStore: () => Promise.resolve(deps.store), logStoreKind: () => "embedded" }));

let testDb: TestDb;
const records = generateRecords(120);
const target = records.find((r) => r.promptText.length > 10) ?? records[0]!;
// generateRecords() spreads its records over the days after 2025-03-01.
const FILTER = encodeURIComponent(JSON.stringify({ from: "2025-01-01T00:00:00Z", to: "2025-12-31T00:00:00Z" }));

function as(role: Role, id = `${role}-1`): void {
  session.current = {
    user: { id, name: `${role} person`, email: `${role}@example.test`, role },
    expires: "2099-01-01T00:00:00.000Z",
  };
}
const ctx = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const req = (path: string, init?: { method?: string; body?: unknown }) =>
  new NextRequest(`http://127.0.0.1${path}`, {
    method: init?.method ?? "GET",
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
const audit = () => testDb.db.selectFrom("audit_events").selectAll().orderBy("at").execute();

beforeAll(async () => {
  testDb = await sqliteTestDb();
  deps.db = testDb.db;
  const store = new SqliteLogStore(":memory:");
  await store.insert(records);
  deps.store = store;
});
afterAll(() => testDb.close());
beforeEach(async () => {
  await testDb.db.deleteFrom("audit_events").execute();
  await testDb.db.deleteFrom("saved_views").execute();
});

describe("search", () => {
  it("answers the typed filter from the query string, and rejects a bad filter with the field's message", async () => {
    as("auditor");
    const ok = await search(req(`/api/logs?filter=${FILTER}&limit=10`), ctx());
    expect(logPageSchema.parse(await ok.json()).items).toHaveLength(10);
    const bad = await search(req(`/api/logs?filter=${encodeURIComponent('{"from":"yesterday","to":"now"}')}`), ctx());
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("ISO-8601");
    const notJson = await search(req("/api/logs?filter=%7Bnope"), ctx());
    expect(JSON.stringify(await notJson.json())).toContain("must be JSON");
  });

  it("is closed to a viewer", async () => {
    as("viewer");
    expect((await search(req(`/api/logs?filter=${FILTER}`), ctx())).status).toBe(403);
  });
});

describe("record and reveal", () => {
  it("shows the record redacted, even to an analyst, and 404s an unknown id", async () => {
    as("analyst");
    const detail = logDetailSchema.parse(
      await (await recordGet(req(`/api/logs/records/${target.id}`), ctx({ id: target.id }))).json(),
    );
    expect(detail.bodies.redacted).toBe(true);
    expect(detail.canReveal).toBe(true);
    expect(JSON.stringify(detail)).not.toContain(target.promptText.slice(0, 20));
    expect((await recordGet(req("/api/logs/records/nope"), ctx({ id: "nope" }))).status).toBe(404);
    expect(await audit()).toEqual([]);
  });

  it("reveals to an analyst with a justification, and audits who, which record and why", async () => {
    as("analyst");
    const justification = "Investigating ticket SEC-1234 for a PII leak";
    const response = await reveal(
      req(`/api/logs/records/${target.id}/reveal`, { method: "POST", body: { justification } }),
      ctx({ id: target.id }),
    );
    expect(response.status).toBe(200);
    const detail = logDetailSchema.parse(await response.json());
    expect(detail.bodies).toMatchObject({ redacted: false, promptText: target.promptText });
    const events = await audit();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor: "analyst@example.test", role: "analyst", action: "logs.reveal", target: target.id });
    expect(JSON.parse(events[0]?.detail_json ?? "{}")).toMatchObject({ justification });
  });

  it("refuses a reveal without a real justification, or to an auditor, and audits nothing", async () => {
    as("analyst");
    const short = await reveal(
      req(`/api/logs/records/${target.id}/reveal`, { method: "POST", body: { justification: "  because " } }),
      ctx({ id: target.id }),
    );
    expect(short.status).toBe(400);
    expect(JSON.stringify(await short.json())).toContain("at least 10 characters");
    as("auditor");
    const denied = await reveal(
      req(`/api/logs/records/${target.id}/reveal`, { method: "POST", body: { justification: "I am an auditor, show me" } }),
      ctx({ id: target.id }),
    );
    expect(denied.status).toBe(403);
    expect(await audit()).toEqual([]);
  });
});

describe("export", () => {
  it("streams a CSV download and audits it", async () => {
    as("auditor");
    const response = await exportGet(req(`/api/logs/export?filter=${FILTER}&format=csv`), ctx());
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="strata-invocations-.*\.csv"$/);
    expect((await response.text()).trim().split("\r\n")).toHaveLength(records.length + 1);
    expect((await audit()).map((e) => e.action)).toEqual(["logs.export"]);
  });

  it("includes bodies only for logs:reveal with a justification, audited as such", async () => {
    as("auditor");
    expect(
      (
        await exportGet(
          req(`/api/logs/export?filter=${FILTER}&format=jsonl&bodies=1&justification=quarterly+review+sample`),
          ctx(),
        )
      ).status,
    ).toBe(403);
    as("analyst");
    const unjustified = await exportGet(req(`/api/logs/export?filter=${FILTER}&format=jsonl&bodies=1`), ctx());
    expect(unjustified.status).toBe(400);
    expect(await audit()).toEqual([]);
    const ok = await exportGet(
      req(`/api/logs/export?filter=${FILTER}&format=jsonl&bodies=1&justification=incident+IR-77+evidence`),
      ctx(),
    );
    expect((await ok.text()).split("\n")[0]).toContain('"inputBody"');
    const [event] = await audit();
    expect(event?.action).toBe("logs.export_bodies");
    expect(JSON.parse(event?.detail_json ?? "{}")).toMatchObject({ format: "jsonl", justification: "incident IR-77 evidence" });
  });
});

describe("saved views", () => {
  it("keeps personal views to their owner and shows shared ones to everyone", async () => {
    as("analyst", "ana");
    const mine = savedViewSchema.parse(
      await (
        await createView(req("/api/logs/views", { method: "POST", body: { name: "My errors", query: "?err=1" } }), ctx())
      ).json(),
    );
    expect(mine).toMatchObject({ shared: false, query: "err=1", canDelete: true, ownerName: "analyst person" });
    await createView(
      req("/api/logs/views", { method: "POST", body: { name: "Team: PII", query: "pt=pii", shared: true } }),
      ctx(),
    );
    const dup = await createView(req("/api/logs/views", { method: "POST", body: { name: "my ERRORS", query: "x" } }), ctx());
    expect(dup.status).toBe(409);

    as("auditor", "otto");
    const seen = (await (await listViews(req("/api/logs/views"), ctx())).json()) as {
      views: { name: string; canDelete: boolean }[];
    };
    expect(seen.views).toEqual([expect.objectContaining({ name: "Team: PII", canDelete: false })]);
    expect((await deleteView(req(`/api/logs/views/${mine.id}`, { method: "DELETE" }), ctx({ id: mine.id }))).status).toBe(404);
  });

  it("lets an admin remove a shared view, audited", async () => {
    as("analyst", "ana");
    const shared = savedViewSchema.parse(
      await (
        await createView(req("/api/logs/views", { method: "POST", body: { name: "Shared", query: "a=1", shared: true } }), ctx())
      ).json(),
    );
    as("auditor", "otto");
    expect((await deleteView(req(`/api/logs/views/${shared.id}`, { method: "DELETE" }), ctx({ id: shared.id }))).status).toBe(
      403,
    );
    as("admin", "ada");
    expect((await deleteView(req(`/api/logs/views/${shared.id}`, { method: "DELETE" }), ctx({ id: shared.id }))).status).toBe(
      200,
    );
    expect((await audit()).map((e) => [e.action, e.target])).toEqual([["logs.view_delete", shared.id]]);
  });
});
