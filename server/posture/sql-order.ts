import "server-only";
import { sql, type RawBuilder } from "kysely";
import { SEVERITIES, type STATUSES } from "@/lib/schemas/finding";

/** Rank columns for ordering by meaning (critical before low, FAIL before PASS), on both engines. */
function rankOf(column: string, values: readonly string[]): RawBuilder<number> {
  const cases = values.map((v, i) => sql`when ${v} then ${i}`);
  return sql<number>`(case ${sql.ref(column)} ${sql.join(cases, sql` `)} else ${values.length} end)`;
}

export const severityRank = () => rankOf("findings.severity", SEVERITIES);
// FAIL first, then what needs attention (ERROR, MANUAL), then the rest.
export const statusRank = () =>
  rankOf("findings.status", ["FAIL", "ERROR", "MANUAL", "PASS", "NOT_APPLICABLE"] satisfies (typeof STATUSES)[number][]);

/** LIKE pattern for a literal substring: the user's % and _ are escaped, matching is case-insensitive. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
