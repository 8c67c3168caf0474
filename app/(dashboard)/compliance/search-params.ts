import { parseAsArrayOf, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import type { ComplianceQuery } from "@/lib/schemas/compliance-api";
import { REQUIREMENT_STATUS_ORDER } from "@/components/compliance/labels";

/** The scope both compliance pages share, under the API's own names, so a link carries it from one to the other. */
export const scopeSearchParams = {
  scan: parseAsString,
  accounts: parseAsArrayOf(parseAsString).withDefault([]),
  regions: parseAsArrayOf(parseAsString).withDefault([]),
};

/** /compliance/[frameworkId] adds the selected requirement and the table's filters. */
export const frameworkSearchParams = {
  ...scopeSearchParams,
  req: parseAsString,
  status: parseAsArrayOf(parseAsStringLiteral(REQUIREMENT_STATUS_ORDER)).withDefault([]),
  q: parseAsString.withDefault(""),
};

type ScopeState = inferParserType<typeof scopeSearchParams>;

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/**
 * URL state → the API query, without zod (kept out of the client bundle): values the API would
 * refuse are dropped, so a hand-edited URL narrows less instead of breaking the page.
 */
export function toComplianceQuery(state: ScopeState): ComplianceQuery {
  const unique = (values: readonly string[]) => [...new Set(values)].slice(0, 200);
  return {
    ...(state.scan && state.scan.length <= 64 ? { scan: state.scan } : {}),
    accounts: unique(state.accounts.filter((a) => ACCOUNT.test(a))),
    regions: unique(state.regions.filter((r) => REGION.test(r))),
  };
}

/** The query string of a compliance API call or link; empty lists left out. */
export function complianceSearch(query: Partial<ComplianceQuery> & Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) {
      if (value.length) params.set(key, value.join(","));
    } else params.set(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
