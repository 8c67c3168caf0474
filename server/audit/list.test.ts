import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { ForbiddenError } from "@/server/http/errors";
import { listAuditEvents } from "./list";

let t: TestDb;

beforeAll(async () => {
  t = await sqliteTestDb();
  const rows = Array.from({ length: 205 }, (_, i) => ({
    id: `e${String(i).padStart(3, "0")}`,
    at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
    actor: `user${i}@example.test`,
    role: "analyst",
    action: "scan.start",
    target: i === 3 ? null : `scan-${i}`,
    detail_json: i === 4 ? "{not json" : JSON.stringify({ n: i }),
  }));
  await t.db.insertInto("audit_events").values(rows).execute();
});

afterAll(async () => {
  await t.close();
});

describe("listAuditEvents", () => {
  it("returns the newest 200 events first, with parsed details", async () => {
    const events = await listAuditEvents(t.db, { role: "admin" });
    expect(events).toHaveLength(200);
    expect(events[0]).toMatchObject({ id: "e204", actor: "user204@example.test", target: "scan-204", detail: { n: 204 } });
    expect(events.at(-1)?.id).toBe("e005");
  });

  it("keeps a detail that is not JSON as its raw text", async () => {
    const events = await listAuditEvents(t.db, { role: "admin" }, 1000);
    expect(events.find((e) => e.id === "e004")?.detail).toBe("{not json");
    expect(events.find((e) => e.id === "e003")?.target).toBeNull();
  });

  it.each(["viewer", "analyst", "auditor"] as const)("refuses a %s (no audit:read)", async (role) => {
    await expect(listAuditEvents(t.db, { role })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
