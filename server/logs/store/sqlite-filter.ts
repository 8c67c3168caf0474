import "server-only";
import { GUARDRAIL_SIDES, LOG_POLICY_TYPES, type LogFilter } from "@/lib/schemas/logs";

/** A WHERE clause over `invocations` and its bound parameters; user input is only ever in `params`. */
export type CompiledFilter = { where: string; params: (string | number)[] };

/** Bit i is LOG_POLICY_TYPES[i]; stored in guardrail_policy_mask. */
export function policyMask(types: readonly (typeof LOG_POLICY_TYPES)[number][]): number {
  return types.reduce((mask, type) => mask | (1 << LOG_POLICY_TYPES.indexOf(type)), 0);
}

export function policyTypesOf(mask: number): (typeof LOG_POLICY_TYPES)[number][] {
  return LOG_POLICY_TYPES.filter((_, i) => (mask & (1 << i)) !== 0);
}

type Side = (typeof GUARDRAIL_SIDES)[number];

/** Bit 0 input, bit 1 output (so "both" is 3); stored in guardrail_side_mask. */
function sideMask(sides: readonly Side[]): number {
  return sides.reduce((mask, side) => mask | (1 << GUARDRAIL_SIDES.indexOf(side)), 0);
}

export function sideMaskOf(side: Side | "both" | null): number {
  return side === null ? 0 : side === "both" ? sideMask(GUARDRAIL_SIDES) : sideMask([side]);
}

export function sidesOf(mask: number): Side[] {
  return GUARDRAIL_SIDES.filter((_, i) => (mask & (1 << i)) !== 0);
}

export function sideOf(mask: number): Side | "both" | null {
  const sides = sidesOf(mask);
  return sides.length === 0 ? null : sides.length === 1 ? (sides[0] ?? null) : "both";
}

/**
 * Each whitespace-separated word becomes one FTS5 string literal (quotes doubled), joined by the
 * implicit AND; so `*`, `NEAR(`, `OR` and column filters are searched as text, never parsed as syntax.
 * Words without a letter or digit are dropped: the tokenizer would index nothing for them.
 */
export function ftsQuery(text: string): string | undefined {
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return words.length === 0 ? undefined : words.map((w) => `"${w.replaceAll('"', '""')}"`).join(" ");
}

export function compileFilter(filter: LogFilter): CompiledFilter {
  const clauses: string[] = ["ts >= ?", "ts < ?"];
  const params: (string | number)[] = [Date.parse(filter.from), Date.parse(filter.to)];
  const add = (clause: string, ...values: (string | number)[]) => {
    clauses.push(clause);
    params.push(...values);
  };
  // Only the number of placeholders comes from the input, never its text.
  const oneOf = (column: string, list: readonly string[] | undefined) => {
    if (list && list.length > 0) add(`${column} IN (${list.map(() => "?").join(", ")})`, ...list);
  };

  oneOf("account_id", filter.accountIds);
  oneOf("region", filter.regions);
  oneOf("model_id", filter.modelIds);
  oneOf("operation", filter.operations);
  oneOf("principal_arn", filter.principalArns);
  oneOf("principal_role", filter.roles);
  oneOf("error_code", filter.errorCodes);
  oneOf("guardrail_action", filter.guardrailActions);
  oneOf("guardrail_id", filter.guardrailIds);
  if (filter.hasError !== undefined) clauses.push(filter.hasError ? "error_code IS NOT NULL" : "error_code IS NULL");
  if (filter.guardrailPolicyTypes && filter.guardrailPolicyTypes.length > 0) {
    add("(guardrail_policy_mask & ?) != 0", policyMask(filter.guardrailPolicyTypes));
  }
  if (filter.guardrailSides && filter.guardrailSides.length > 0) {
    add("(guardrail_side_mask & ?) != 0", sideMask(filter.guardrailSides));
  }
  if (filter.crossRegion !== undefined) add("cross_region = ?", filter.crossRegion ? 1 : 0);
  for (const [column, range] of [
    ["input_tokens", filter.inputTokens],
    ["output_tokens", filter.outputTokens],
  ] as const) {
    if (range?.min !== undefined) add(`${column} >= ?`, range.min);
    if (range?.max !== undefined) add(`${column} <= ?`, range.max);
  }
  for (const { key, value } of filter.metadata ?? []) {
    // The key is bound too, as a JSON path; METADATA_KEY keeps it free of quotes and path syntax.
    add("json_extract(request_metadata, ?) = ?", `$."${key}"`, value);
  }
  if (filter.text !== undefined) {
    const match = ftsQuery(filter.text);
    if (match === undefined) clauses.push("0");
    else add("seq IN (SELECT rowid FROM invocations_fts WHERE invocations_fts MATCH ?)", match);
  }
  return { where: clauses.join(" AND "), params };
}
