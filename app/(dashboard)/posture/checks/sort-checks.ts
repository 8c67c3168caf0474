import { SEVERITIES } from "@/lib/constants/finding";
import type { CheckSummary } from "@/lib/schemas/posture";
import type { CheckSort } from "./search-params";

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, SEVERITIES.length - i])) as Record<
  CheckSummary["severity"],
  number
>;

/** "desc" puts the most of something first: most severe, most failing, Z before A. Ties keep title order. */
export function sortChecks(checks: readonly CheckSummary[], sort: CheckSort, dir: "asc" | "desc"): CheckSummary[] {
  const sign = dir === "desc" ? -1 : 1;
  const key = (c: CheckSummary): number | string => {
    switch (sort) {
      case "title":
        return c.title.toLowerCase();
      case "category":
        return c.category;
      case "severity":
        return SEVERITY_RANK[c.severity];
      case "scope":
        return c.scope;
      default:
        return c.counts[sort];
    }
  };
  return [...checks].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const primary = ka < kb ? -1 : ka > kb ? 1 : 0;
    return primary !== 0 ? primary * sign : a.title.localeCompare(b.title);
  });
}

export function filterChecks(checks: readonly CheckSummary[], categories: readonly string[], q: string): CheckSummary[] {
  const needle = q.trim().toLowerCase();
  return checks.filter(
    (c) =>
      (categories.length === 0 || categories.includes(c.category)) &&
      (!needle || c.title.toLowerCase().includes(needle) || c.id.includes(needle)),
  );
}
