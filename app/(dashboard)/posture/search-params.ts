import { parseAsArrayOf, parseAsInteger, parseAsString, parseAsStringLiteral, type inferParserType } from "nuqs/server";
import { CATEGORIES, FINDING_SORTS, SEVERITIES, STATUSES } from "@/lib/constants/finding";
import type { FindingsQuery } from "@/lib/schemas/posture";

/** The findings view's URL state: the same fields as the /api/findings query, so a link reproduces the view. */
export const findingsSearchParams = {
  account: parseAsArrayOf(parseAsString).withDefault([]),
  region: parseAsArrayOf(parseAsString).withDefault([]),
  category: parseAsArrayOf(parseAsStringLiteral(CATEGORIES)).withDefault([]),
  severity: parseAsArrayOf(parseAsStringLiteral(SEVERITIES)).withDefault([]),
  status: parseAsArrayOf(parseAsStringLiteral(STATUSES)).withDefault([]),
  check: parseAsString,
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(FINDING_SORTS).withDefault("severity"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
  page: parseAsInteger.withDefault(1),
  pageSize: parseAsInteger.withDefault(50),
};

export type FindingsSearchState = inferParserType<typeof findingsSearchParams>;

export const PAGE_SIZES = [25, 50, 100] as const;

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z0-9-]{2,32}$/;

/**
 * URL state → the API query. Hand-edited URLs never break the page: values the API would reject
 * are dropped and numbers clamped, so server prefetch and client agree on one key. Built without
 * zod so the client bundle needs none; the server still parses the result with findingsQuerySchema.
 */
export function toFindingsQuery(state: FindingsSearchState): FindingsQuery {
  const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.trunc(n)));
  const unique = <T>(values: readonly T[]) => [...new Set(values)];
  const q = state.q.trim().slice(0, 200);
  return {
    account: unique(state.account.filter((a) => ACCOUNT.test(a))),
    region: unique(state.region.filter((r) => REGION.test(r))),
    category: unique(state.category),
    severity: unique(state.severity),
    status: unique(state.status),
    ...(state.check && state.check.length <= 128 ? { check: state.check } : {}),
    ...(q ? { q } : {}),
    sort: state.sort,
    dir: state.dir,
    page: clamp(state.page, 1, 100_000),
    pageSize: clamp(state.pageSize, 10, 200),
  };
}
