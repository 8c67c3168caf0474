import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, type TestDb } from "@/server/db/testing";
import { ConflictError } from "@/server/http/errors";
import { dbChainStore, listExports } from "./chain-store";
import { buildBundle, testKey } from "./testing";

const meta = (scanId: string) => ({ scanId, framework: "soc2", createdBy: "ana@example.com" });
const hash = (c: string) => c.repeat(64);

describe.each(ENGINES)("evidence chain in the database on %s", (_name, open) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await open();
  });
  afterAll(async () => {
    await t.close();
  });

  it("links each export to the one before, across store instances (restarts)", async () => {
    const first = dbChainStore(t.db, meta("s1"));
    expect(await first.last()).toBeNull();
    await first.record(hash("a"));

    const second = dbChainStore(t.db, meta("s2"));
    expect(await second.last()).toBe(hash("a"));
    await second.record(hash("b"));

    expect(await dbChainStore(t.db, meta("s3")).last()).toBe(hash("b"));
    const rows = await t.db
      .selectFrom("evidence_exports")
      .select(["scan_id", "manifest_sha256", "previous_manifest_sha256", "created_by"])
      .orderBy("created_at")
      .orderBy("scan_id")
      .execute();
    expect(rows).toEqual([
      { scan_id: "s1", manifest_sha256: hash("a"), previous_manifest_sha256: null, created_by: "ana@example.com" },
      { scan_id: "s2", manifest_sha256: hash("b"), previous_manifest_sha256: hash("a"), created_by: "ana@example.com" },
    ]);
  });

  it("rejects a second export linking to the same previous hash with a 409", async () => {
    const racerA = dbChainStore(t.db, meta("s4"));
    const racerB = dbChainStore(t.db, meta("s5"));
    const previous = await racerA.last();
    expect(await racerB.last()).toBe(previous);
    await racerA.record(hash("c"));
    const lost = racerB.record(hash("d"));
    await expect(lost).rejects.toBeInstanceOf(ConflictError);
    await expect(lost).rejects.toMatchObject({ status: 409, message: "Another export finished first; export again." });
    expect(await dbChainStore(t.db, meta("s6")).last()).toBe(hash("c"));
  });

  it("chains real bundles written through writeBundle", async () => {
    const key = await testKey();
    const tip = await dbChainStore(t.db, meta("s7")).last();
    const b1 = await buildBundle({ key, chain: dbChainStore(t.db, meta("s7")) });
    const b2 = await buildBundle({ key, chain: dbChainStore(t.db, meta("s8")) });
    expect(b1.manifest.previousManifestSha256).toBe(tip);
    expect(b2.manifest.previousManifestSha256).toBe(b1.manifestSha256);
  });
});

describe.each(ENGINES)("a fresh chain on %s", (_name, open) => {
  it("lets only one export start the chain", async () => {
    const t = await open();
    try {
      const a = dbChainStore(t.db, meta("s1"));
      const b = dbChainStore(t.db, meta("s2"));
      expect(await a.last()).toBeNull();
      expect(await b.last()).toBeNull();
      await a.record(hash("e"));
      await expect(b.record(hash("f"))).rejects.toBeInstanceOf(ConflictError);
    } finally {
      await t.close();
    }
  });
});

describe.each(ENGINES)("the recorded chain on %s", (_name, open) => {
  it("lists exports newest first by following the links, and says when the chain is cut short or broken", async () => {
    const t = await open();
    try {
      // One clock for all: equal creation times must not change the order, the links decide it.
      const at = () => new Date("2026-11-29T00:00:00Z");
      for (const [scan, h] of [
        ["s1", "a"],
        ["s2", "b"],
        ["s3", "c"],
      ] as const) {
        const store = dbChainStore(t.db, { ...meta(scan), now: at });
        await store.last();
        await store.record(hash(h));
      }
      const all = await listExports(t.db);
      expect(all.exports.map((e) => [e.scanId, e.previousManifestSha256])).toEqual([
        ["s3", hash("b")],
        ["s2", hash("a")],
        ["s1", null],
      ]);
      expect(all).toMatchObject({ end: "first", offChain: 0 });

      const two = await listExports(t.db, 2);
      expect(two.exports.map((e) => e.scanId)).toEqual(["s3", "s2"]);
      expect(two.end).toBe("limit");

      // A row edited in the database to name a manifest no export has leaves the chain visibly broken.
      await t.db
        .updateTable("evidence_exports")
        .set({ previous_manifest_sha256: hash("9") })
        .where("scan_id", "=", "s2")
        .execute();
      const broken = await listExports(t.db);
      expect(broken.exports.map((e) => e.scanId)).toEqual(["s3", "s2"]);
      expect(broken.end).toBe("broken");
    } finally {
      await t.close();
    }
  });
});
