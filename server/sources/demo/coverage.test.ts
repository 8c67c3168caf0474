import { describe, expect, it } from "vitest";
import type { Status } from "@/lib/schemas/finding";
import { DEFAULT_CHECK_SETTINGS } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { parseInventory, type Inventory } from "@/server/inventory";
import { evaluateAccount, type EvaluatedFinding } from "@/server/scans/evaluate";
import { collectEstate } from "./collect-estate";
import { DemoSource } from "./demo-source";
import { DELIBERATELY_UNAVAILABLE } from "./estate";

/** Evaluates every registered check over the whole demo estate, the way a scan does. */
async function scanEstate(): Promise<EvaluatedFinding[]> {
  const byAccount = new Map<string, Inventory[]>();
  for (const e of await collectEstate(new DemoSource())) {
    const list = byAccount.get(e.target.accountId) ?? [];
    list.push(parseInventory(e.raw).inventory);
    byAccount.set(e.target.accountId, list);
  }
  return [...byAccount.values()].flatMap((inventories) =>
    evaluateAccount(CHECKS, inventories, { settings: DEFAULT_CHECK_SETTINGS }),
  );
}

const findings = await scanEstate();

function statusesOf(checkId: string): Set<Status> {
  return new Set(findings.filter((f) => f.checkId === checkId).map((f) => f.status));
}

describe("demo estate coverage of the check catalog", () => {
  it("has the full catalog registered (at least 45 checks)", () => {
    expect(CHECKS.length).toBeGreaterThanOrEqual(45);
  });

  it.each(CHECKS.map((c) => [c.id] as const))("%s passes somewhere and fails somewhere", (id) => {
    const statuses = statusesOf(id);
    const summary = findings.filter((f) => f.checkId === id).map((f) => `${f.status} ${f.accountId}/${f.region} ${f.message}`);
    expect(statuses.has("PASS"), `no PASS:\n${summary.join("\n")}`).toBe(true);
    expect(statuses.has("FAIL"), `no FAIL:\n${summary.join("\n")}`).toBe(true);
  });

  it("shows ERROR and NOT_APPLICABLE findings too", () => {
    const all = new Set(findings.map((f) => f.status));
    expect(all.has("ERROR")).toBe(true);
    expect(all.has("NOT_APPLICABLE")).toBe(true);
  });

  it("errors only where parts are deliberately unavailable, naming the action to grant, and never because a check crashed", () => {
    const errors = findings.filter((f) => f.status === "ERROR");
    const crashed = errors.filter((f) => f.message.startsWith("The check failed to evaluate"));
    expect(crashed.map((f) => `${f.checkId} ${f.accountId}/${f.region}: ${f.message}`)).toEqual([]);
    const actions = DELIBERATELY_UNAVAILABLE.map((d) => d.action);
    for (const f of errors)
      expect(
        actions.some((a) => f.message.includes(`grant ${a}`)),
        `${f.checkId} ${f.accountId}/${f.region}: ${f.message}`,
      ).toBe(true);
    expect(new Set(errors.map((f) => f.message.match(/grant ([\w:-]+)/)?.[1])).size).toBe(actions.length);
  });
});
