import "server-only";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LogFilter } from "@/lib/schemas/logs";
import { SqliteLogStore } from "../store/sqlite";
import { demoLogSeedStatus, seedDemoLogs } from "./seed";

const NOW = new Date("2026-11-27T06:42:17Z");
const END = "2026-11-27T06:00:00.000Z";
const COUNT = 2_500;
const WINDOW: LogFilter = { from: "2026-10-01T00:00:00Z", to: "2026-12-01T00:00:00Z" };

describe("seedDemoLogs", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "strata-demo-seed-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("fills the store once, ending at the hour it first ran; a second seed adds nothing", async () => {
    const file = join(dir, "once.db");
    const store = new SqliteLogStore(file);
    const first = await seedDemoLogs(store, { count: COUNT, now: NOW, batchSize: 400 });
    expect(first).toMatchObject({ end: END, count: COUNT, inserted: COUNT, quarantined: 0 });
    expect(await store.count(WINDOW)).toBe(COUNT);
    const newest = await store.search(WINDOW, undefined, 1);
    expect(Date.parse(newest.items[0]?.timestamp ?? "")).toBeLessThan(Date.parse(END));
    store.close();

    // A restart hours later: the remembered end wins and nothing is inserted twice.
    const reopened = new SqliteLogStore(file);
    const second = await seedDemoLogs(reopened, { count: COUNT, now: new Date("2026-11-28T11:00:00Z") });
    expect(second).toMatchObject({ end: END, inserted: 0 });
    expect(await reopened.count(WINDOW)).toBe(COUNT);
    reopened.close();
  });

  it("resumes an interrupted seed where it stopped and ends with the same records", async () => {
    const store = new SqliteLogStore(join(dir, "resume.db"));
    const stop = new AbortController();
    const seen: number[] = [];
    const partial = await seedDemoLogs(store, {
      count: COUNT,
      now: NOW,
      batchSize: 500,
      signal: stop.signal,
      onProgress: ({ inserted, total }) => {
        seen.push(inserted);
        expect(total).toBe(COUNT);
        if (inserted >= 1_000) stop.abort();
      },
    });
    expect(partial.inserted).toBe(1_000);
    expect(await store.count(WINDOW)).toBe(1_000);
    const rest = await seedDemoLogs(store, { count: COUNT, now: NOW, batchSize: 500 });
    expect(rest).toMatchObject({ resumedAt: 1_000, inserted: COUNT - 1_000, skipped: 0 });
    expect(await store.count(WINDOW)).toBe(COUNT);

    // The same plan seeded in one go yields the very same ids.
    const reference = new SqliteLogStore(join(dir, "reference.db"));
    await seedDemoLogs(reference, { count: COUNT, now: NOW });
    const ids = async (s: SqliteLogStore) => (await s.search(WINDOW, undefined, 500)).items.map((i) => i.id);
    expect(await ids(store)).toEqual(await ids(reference));
    expect(seen).toEqual([0, 500, 1_000]);
    store.close();
    reference.close();
  });

  it("reports no seed in progress when none runs", () => {
    expect(demoLogSeedStatus()).toBeNull();
  });
});
