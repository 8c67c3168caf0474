import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { DemoActivitySource } from "../demo/source";
import type { ActivitySource } from "../source";
import { clearDetectionsCache, detectionsFor } from "./detections";

const END = new Date("2026-11-28T00:00:00Z");
const FILTER = { from: new Date(END.getTime() - 7 * 86_400_000).toISOString(), to: END.toISOString() };
const demo = new DemoActivitySource(() => END);
let calls = 0;
const counting: ActivitySource = {
  list: (...args) => {
    calls++;
    return demo.list(...args);
  },
  get: (id) => demo.get(id),
};

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
});
afterAll(() => t.close());
beforeEach(() => {
  clearDetectionsCache();
  calls = 0;
});

describe("detectionsFor", () => {
  it("reuses a run for a minute, whatever the table-only filters, then reads again", async () => {
    const now = Date.now();
    const first = await detectionsFor(t.db, counting, FILTER, now);
    const read = calls;
    expect(read).toBeGreaterThan(0);
    const again = await detectionsFor(t.db, counting, { ...FILTER, names: ["DeleteGuardrail"], failedOnly: true }, now + 30_000);
    expect(calls).toBe(read);
    expect(again).toBe(first);
    await detectionsFor(t.db, counting, FILTER, now + 61_000);
    expect(calls).toBe(2 * read);
  });

  it("keys the cache by account and Region", async () => {
    const now = Date.now();
    await detectionsFor(t.db, counting, FILTER, now);
    const read = calls;
    await detectionsFor(t.db, counting, { ...FILTER, regions: ["eu-west-1"] }, now);
    expect(calls).toBeGreaterThan(read);
  });
});
