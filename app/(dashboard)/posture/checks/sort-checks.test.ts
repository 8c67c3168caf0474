import { describe, expect, it } from "vitest";
import type { CheckSummary } from "@/lib/schemas/posture";
import { filterChecks, sortChecks } from "./sort-checks";

const counts = (FAIL: number, PASS = 0) => ({ PASS, FAIL, ERROR: 0, NOT_APPLICABLE: 0, MANUAL: 0 });
const CHECKS: CheckSummary[] = [
  { id: "b-low", title: "Bravo low", severity: "low", category: "IAM", scope: "account", counts: counts(5, 1) },
  { id: "a-critical", title: "Alpha critical", severity: "critical", category: "Logging", scope: "region", counts: counts(1, 9) },
  { id: "c-high", title: "Charlie high", severity: "high", category: "IAM", scope: "region", counts: counts(3, 2) },
  { id: "d-critical", title: "Delta critical", severity: "critical", category: "Network", scope: "region", counts: counts(0, 4) },
];

describe("sortChecks", () => {
  it("puts the most severe first for severity desc, ties by title", () => {
    expect(sortChecks(CHECKS, "severity", "desc").map((c) => c.id)).toEqual(["a-critical", "d-critical", "c-high", "b-low"]);
    expect(sortChecks(CHECKS, "severity", "asc").map((c) => c.id)).toEqual(["b-low", "c-high", "a-critical", "d-critical"]);
  });

  it("sorts by a result count", () => {
    expect(sortChecks(CHECKS, "FAIL", "desc").map((c) => c.counts.FAIL)).toEqual([5, 3, 1, 0]);
  });

  it("does not reorder its input", () => {
    const copy = [...CHECKS];
    sortChecks(CHECKS, "title", "asc");
    expect(CHECKS).toEqual(copy);
  });
});

describe("filterChecks", () => {
  it("keeps the chosen categories and matches title or id", () => {
    expect(filterChecks(CHECKS, ["IAM"], "").map((c) => c.id)).toEqual(["b-low", "c-high"]);
    expect(filterChecks(CHECKS, [], "CHARLIE").map((c) => c.id)).toEqual(["c-high"]);
    expect(filterChecks(CHECKS, ["Network"], "d-crit").map((c) => c.id)).toEqual(["d-critical"]);
    expect(filterChecks(CHECKS, ["Network"], "bravo")).toEqual([]);
  });
});
