import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Migrator } from "kysely";
import { createDb } from "@/server/db/connect";
import { migrationProvider } from "@/server/db/migrations";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { ConflictError } from "@/server/http/errors";
import { admitScan, holdScanLease, STALE_AFTER_MS } from "./admission";
import { failScan, getScan, insertScan, listScans } from "./repository";

const REQUEST = { source: "demo", requestedBy: "a@example.com", settings: { x: 1 } };
const T0 = new Date("2026-11-01T00:00:00.000Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

async function settle<T>(attempts: Promise<T>[]) {
  const results = await Promise.allSettled(attempts);
  const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const lost = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { won, lost };
}

describe.each(ENGINES)("scan admission on %s", (_name, open) => {
  let t: TestDb;
  beforeEach(async () => {
    t = await open();
  });
  afterEach(async () => {
    await t.close();
  });

  it("admits exactly one of several concurrent requests; the others get ConflictError naming it", async () => {
    const { won, lost } = await settle(Array.from({ length: 5 }, () => admitScan(t.db, REQUEST, { now: T0 })));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(4);
    for (const error of lost) {
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError).details).toEqual({ scanId: won[0] });
    }
    const scans = await listScans(t.db);
    expect(scans.map((s) => [s.id, s.status, s.requestedBy])).toEqual([[won[0], "queued", "a@example.com"]]);
  });

  it("refuses a second scan while one runs, and admits again once it has finished", async () => {
    const first = await admitScan(t.db, REQUEST, { now: T0 });
    await expect(admitScan(t.db, REQUEST, { now: at(60_000) })).rejects.toBeInstanceOf(ConflictError);
    await failScan(t.db, first, "boom", at(60_000).toISOString());
    const second = await admitScan(t.db, REQUEST, { now: at(120_000) });
    expect(second).not.toBe(first);
    expect((await getScan(t.db, second))?.status).toBe("queued");
  });

  it("takes over from a scan whose heartbeat expired, and not from one still beating", async () => {
    const old = await admitScan(t.db, REQUEST, { now: T0 });
    await expect(admitScan(t.db, REQUEST, { now: at(STALE_AFTER_MS - 1000) })).rejects.toBeInstanceOf(ConflictError);
    expect((await getScan(t.db, old))?.status).toBe("queued");

    const next = await admitScan(t.db, REQUEST, { now: at(STALE_AFTER_MS + 1000) });
    expect((await getScan(t.db, old))?.status).toBe("failed");
    expect((await getScan(t.db, next))?.status).toBe("queued");
  });

  it("with ifLatestIs, admits only while the newest scan is still the one the caller saw", async () => {
    await expect(admitScan(t.db, REQUEST, { now: T0, ifLatestIs: "not-there" })).resolves.toEqual(expect.any(String));
    const [only] = await listScans(t.db);
    await failScan(t.db, only?.id ?? "", "done", T0.toISOString());

    // Someone scanned since the caller looked (it saw no scan at all): refused, though nothing runs.
    await expect(admitScan(t.db, REQUEST, { now: at(1000), ifLatestIs: null })).rejects.toBeInstanceOf(ConflictError);
    await expect(admitScan(t.db, REQUEST, { now: at(1000), ifLatestIs: "an-older-scan" })).resolves.toEqual(expect.any(String));
    expect(await listScans(t.db)).toHaveLength(2);
  });

  it("a held lease keeps the heartbeat fresh and aborts the run once another instance failed the scan", async () => {
    const id = await admitScan(t.db, REQUEST, { now: T0 });
    const lease = holdScanLease(t.db, id, 5);
    try {
      const heartbeat = async () =>
        (await t.db.selectFrom("scans").select("heartbeat_at").where("id", "=", id).executeTakeFirst())?.heartbeat_at;
      // Admitted at T0; only the lease writes a later heartbeat.
      await expect.poll(heartbeat, { timeout: 2000 }).not.toBe(T0.toISOString());
      expect(lease.signal.aborted).toBe(false);

      await failScan(t.db, id, "The scan stopped reporting progress.", new Date().toISOString());
      await expect.poll(() => lease.signal.aborted, { timeout: 2000 }).toBe(true);
    } finally {
      lease.release();
    }
  });
});

describe("migration 002 on a database the race already hit", () => {
  it("keeps the newest of two active scans and fails the other, so the index can be built", async () => {
    const db = createDb({ kind: "sqlite", file: ":memory:" });
    try {
      const migrator = new Migrator({ db, provider: migrationProvider });
      expect((await migrator.migrateTo("001-initial")).error).toBeUndefined();
      await insertScan(db, { id: "older", source: "demo", requestedBy: "ui", settings: {}, now: T0.toISOString() });
      await insertScan(db, { id: "newer", source: "demo", requestedBy: "schedule", settings: {}, now: at(1000).toISOString() });
      expect((await migrator.migrateToLatest()).error).toBeUndefined();
      expect((await getScan(db, "older"))?.status).toBe("failed");
      expect((await getScan(db, "newer"))?.status).toBe("queued");
      await expect(admitScan(db, REQUEST, { now: at(2000) })).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await db.destroy();
    }
  });
});
