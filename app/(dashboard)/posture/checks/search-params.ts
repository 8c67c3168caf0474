import { parseAsArrayOf, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { CATEGORIES } from "@/lib/constants/finding";

const CHECK_SORTS = ["title", "category", "severity", "scope", "PASS", "FAIL", "ERROR", "NOT_APPLICABLE"] as const;
export type CheckSort = (typeof CHECK_SORTS)[number];

/** The catalog's URL state: category filter, text filter and sort. */
export const checksSearchParams = {
  category: parseAsArrayOf(parseAsStringLiteral(CATEGORIES)).withDefault([]),
  q: parseAsString.withDefault(""),
  sort: parseAsStringLiteral(CHECK_SORTS).withDefault("severity"),
  dir: parseAsStringLiteral(["asc", "desc"] as const).withDefault("desc"),
};
