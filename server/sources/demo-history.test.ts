import { describe, expect, it } from "vitest";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { parseInventory } from "@/server/inventory";
import { evaluateAccount } from "@/server/scans/evaluate";
import { scoreFindings } from "@/server/scoring/score";
import { createDemoSource } from "./demo";
import { demoAsOf, HISTORY_STEPS } from "./demo-history";

async function scoreAt(stepsBack: number): Promise<number | null> {
  const source = demoAsOf(createDemoSource(), stepsBack);
  const findings = [];
  for (const target of await source.listTargets()) {
    const inventories = [];
    for (const region of target.regions) inventories.push(parseInventory(await source.collect(target, region)).inventory);
    findings.push(...evaluateAccount(CHECKS, inventories, { settings: DEFAULT_CHECK_SETTINGS }));
  }
  return scoreFindings(findings).overall.score;
}

describe("demo history", () => {
  it("each undone fix lowers the score, so the seeded trend is real", { timeout: 120_000 }, async () => {
    const scores: number[] = [];
    for (let back = 0; back <= HISTORY_STEPS; back += 1) scores.push((await scoreAt(back)) ?? Number.NaN);
    for (let i = 1; i < scores.length; i += 1)
      expect(scores[i], `step ${i}: ${scores.join(", ")}`).toBeLessThan(scores[i - 1] ?? 0);
  });

  it("leaves today's estate untouched and the inventories valid", async () => {
    const source = demoAsOf(createDemoSource(), HISTORY_STEPS);
    const [target] = await source.listTargets();
    if (!target) throw new Error("no demo account");
    const { invalidParts } = parseInventory(await source.collect(target, "us-east-1"));
    expect(invalidParts).toEqual([]);
    expect(await demoAsOf(createDemoSource(), 0).collect(target, "us-east-1")).toEqual(
      await createDemoSource().collect(target, "us-east-1"),
    );
  });
});
