import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHECKS } from "@/server/checks/registry";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { insertScan } from "@/server/scans/repository";
import { findingsCsv, findingsJson } from "./findings";

const N = 50_000;
let t: TestDb;

beforeAll(async () => {
  t = await sqliteTestDb();
  await insertScan(t.db, {
    id: "big",
    source: "demo",
    requestedBy: "test",
    settings: DEFAULT_CHECK_SETTINGS,
    now: "2026-03-01T10:00:00Z",
  });
  const rows = Array.from({ length: N }, (_, i) => {
    const check = CHECKS[i % CHECKS.length]!;
    const accountId = String(100000000000 + (i % 40));
    const region = ["us-east-1", "eu-west-1", "global"][i % 3]!;
    return {
      id: `f-${String(i).padStart(6, "0")}`,
      scan_id: "big",
      check_id: check.id,
      account_id: accountId,
      region,
      resource_arn: `arn:aws:bedrock:${region}:${accountId}:agent/r-${i}`,
      status: i % 7 === 0 ? "FAIL" : "PASS",
      severity: check.severity,
      category: check.category,
      message: `Resource r-${i} evaluated, "ok"`,
      evidence_json: JSON.stringify({ id: i, settings: { enabled: i % 2 === 0 } }),
    };
  });
  for (let at = 0; at < N; at += 1000)
    await t.db
      .insertInto("findings")
      .values(rows.slice(at, at + 1000))
      .execute();
});
afterAll(() => t.close());

/** Consumes a stream without keeping it: bytes, largest chunk, time and the heap's peak growth. */
async function drain(chunks: AsyncIterable<Buffer>) {
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  let bytes = 0;
  let largest = 0;
  let peak = 0;
  for await (const c of chunks) {
    bytes += c.length;
    largest = Math.max(largest, c.length);
    peak = Math.max(peak, process.memoryUsage().heapUsed - before);
  }
  return { bytes, largest, ms: Math.round(performance.now() - started), peakHeapMb: Math.round(peak / 2 ** 20) };
}

describe("findings exports at estate scale", () => {
  const input = () => ({
    db: t.db,
    scanId: "big",
    scope: { accounts: [], regions: [] },
    framework: "all",
    generatedBy: { name: "Strata", version: "0" },
  });

  it("streams 50,000 findings as JSON and CSV in chunks, within seconds", async () => {
    const json = await drain(findingsJson(input()));
    const csv = await drain(findingsCsv(input()));
    console.info(`findings.json ${JSON.stringify(json)}; findings.csv ${JSON.stringify(csv)}`);
    // Chunks stay small whatever the total: nothing builds the whole file as one string.
    expect(json.bytes).toBeGreaterThan(20 * json.largest);
    expect(csv.bytes).toBeGreaterThan(20 * csv.largest);
    expect(json.ms + csv.ms).toBeLessThan(30_000);
  }, 60_000);
});
