import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { DemoActivitySource } from "./demo/source";
import { detectActivity, latestDetectionContext } from "./detect";
import { runDemoScan } from "@/server/scans/testing";

const END = new Date("2026-11-28T00:00:00Z");
const RANGE = { from: new Date(END.getTime() - 89 * 86_400_000), to: END };

let t: TestDb;
beforeAll(async () => {
  t = await sqliteTestDb();
});
afterAll(() => t.close());

describe("detectActivity on the demo estate", () => {
  it("without a scan, still flags the incident from the events alone and says what it could not use", async () => {
    const result = await detectActivity(t.db, new DemoActivitySource(() => END), RANGE);
    expect(result.scanId).toBeNull();
    expect(result.notices.join(" ")).toMatch(/No completed scan yet/);
    expect(result.problems).toEqual([]);
    const detectors = new Set(result.detections.map((d) => d.detector));
    for (const id of ["invocation-logging-disabled", "guardrail-weakened", "llm-jacking"]) expect(detectors).toContain(id);
    expect(result.eventsRead).toBeGreaterThan(1_000);
  });

  it("reads the latest completed scan's inventories into the detection context", async () => {
    const at = new Date(END.getTime() - 100 * 86_400_000);
    await runDemoScan(t.db, { id: "scan-1", at });
    const { context, scanId, skippedSnapshots } = await latestDetectionContext(t.db);
    expect(scanId).toBe("scan-1");
    expect(skippedSnapshots).toBe(0);
    expect(context.bedrockKeyArns.size).toBeGreaterThan(0);

    const result = await detectActivity(t.db, new DemoActivitySource(() => END), RANGE);
    expect(result.scanId).toBe("scan-1");
    expect(result.notices).toEqual([]);
    expect(result.detections.filter((d) => d.severity === "critical").map((d) => d.detector)).toContain(
      "invocation-logging-disabled",
    );
  });
});
