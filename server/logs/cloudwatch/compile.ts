import "server-only";
import type { FacetKey, LOG_POLICY_TYPES, LogFilter, TimeBucket } from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import { check, checkMetadataValue, fieldPath, searchWords, stringLiteral, wordRegexLiteral, type RuleName } from "./literals";
import { GUARDRAIL_ID_FIELDS, GUARDRAIL_ID_PARSE, INTERVENED, NOT_INTERVENED_BUT_TRACED, POLICY_FIRED } from "./signals";

/*
 * LogFilter → CloudWatch Logs Insights query text over the raw Bedrock record fields. Field names are
 * constants here; user values enter only through literals.ts. Each filter field becomes its own
 * `filter` command (commands AND together), in the order of the embedded store's compileFilter.
 */

/** StartQuery's `queryString` limit. */
const MAX_QUERY_CHARS = 10_000;

/** Epoch seconds for StartQuery: both ends inclusive, so the second holding `to` is covered; the ms filter trims it. */
export function queryWindow(filter: Pick<LogFilter, "from" | "to">): { startTime: number; endTime: number } {
  return { startTime: Math.floor(Date.parse(filter.from) / 1000), endTime: Math.ceil(Date.parse(filter.to) / 1000) };
}

const ms = (iso: string) => {
  const n = Date.parse(iso);
  if (!Number.isSafeInteger(n)) throw new ValidationError(`${JSON.stringify(iso)} is not a time.`);
  return String(n);
};
const int = (n: number) => {
  if (!Number.isSafeInteger(n) || n < 0) throw new ValidationError(`${n} is not a whole, non-negative number.`);
  return String(n);
};

function oneOf(field: string, rule: RuleName, what: string, values: readonly string[] | undefined): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  return `${field} in [${values.map((v) => stringLiteral(check(rule, what, v))).join(", ")}]`;
}

/*
 * The role-name segment, as principal.ts reads it: `assumed-role/<role>/<session>` of an STS ARN, or
 * the last path segment of an IAM role ARN (the greedy path group backtracks to the last `/`).
 */
const ROLE_PARSE = String.raw`parse identity.arn /^arn:[^:]+:(?:sts|iam)::[0-9]*:(?:assumed-role|role(?:\/[^\/]+)*)\/(?<strataRole>[^\/]+)/`;

/** Tokens: the record's own count, else the Converse or Anthropic usage block (usage.ts); stream metrics are not reachable. */
const TOKENS = {
  input: "coalesce(input.inputTokenCount, output.outputBodyJson.usage.inputTokens, output.outputBodyJson.usage.input_tokens, 0)",
  output:
    "coalesce(output.outputTokenCount, output.outputBodyJson.usage.outputTokens, output.outputBodyJson.usage.output_tokens, 0)",
} as const;

/** Why a guardrail-side filter is refused rather than approximated (it would return wrong rows). */
export const SIDE_UNSUPPORTED =
  "Filtering by guardrail side needs the embedded store; CloudWatch Logs Insights cannot tell whether a finding sits in " +
  "the trace's input or output assessment (a regex cannot follow the trace's nesting). Remove the side filter, or import " +
  "the logs into the embedded store.";

/** The `filter`/`parse` commands for a LogFilter, time range included. */
export function filterCommands(filter: LogFilter): string[] {
  const out = [
    `filter schemaType = "ModelInvocationLog"`,
    `filter toMillis(@timestamp) >= ${ms(filter.from)} and toMillis(@timestamp) < ${ms(filter.to)}`,
  ];
  const add = (predicate: string | undefined) => {
    if (predicate !== undefined) out.push(`filter ${predicate}`);
  };
  add(oneOf("accountId", "account", "Account", filter.accountIds));
  add(oneOf("region", "region", "Region", filter.regions));
  add(oneOf("modelId", "model", "Model", filter.modelIds));
  add(oneOf("operation", "operation", "Operation", filter.operations));
  add(oneOf("identity.arn", "principal", "Principal", filter.principalArns));
  if (filter.roles && filter.roles.length > 0) {
    out.push(ROLE_PARSE);
    add(oneOf("strataRole", "role", "Role", filter.roles));
  }
  add(oneOf("errorCode", "errorCode", "Error code", filter.errorCodes));
  const actions = filter.guardrailActions ?? [];
  if (actions.length > 0) {
    const parts = actions.map((a) => (a === "INTERVENED" ? INTERVENED : NOT_INTERVENED_BUT_TRACED));
    add(parts.map((p) => `(${p})`).join(" or "));
  }
  if (filter.hasError !== undefined) add(filter.hasError ? "not isempty(errorCode)" : "isempty(errorCode)");
  const policies = filter.guardrailPolicyTypes ?? [];
  if (policies.length > 0) add(policies.map((p) => `(${POLICY_FIRED[p]})`).join(" or "));
  if (filter.guardrailIds && filter.guardrailIds.length > 0) {
    const ids = `[${filter.guardrailIds.map((v) => stringLiteral(check("guardrailId", "Guardrail id", v))).join(", ")}]`;
    const { traced, named } = GUARDRAIL_ID_FIELDS;
    out.push(...GUARDRAIL_ID_PARSE);
    // The request's identifier counts only when no trace names a guardrail, as in the normaliser.
    add(`${traced} in ${ids} or (isempty(${traced}) and ${named} in ${ids})`);
  }
  if (filter.guardrailSides && filter.guardrailSides.length > 0) throw new ValidationError(SIDE_UNSUPPORTED);
  if (filter.crossRegion !== undefined) {
    add(
      filter.crossRegion
        ? "ispresent(inferenceRegion) and inferenceRegion != region"
        : "not ispresent(inferenceRegion) or inferenceRegion = region",
    );
  }
  for (const [expr, range] of [
    [TOKENS.input, filter.inputTokens],
    [TOKENS.output, filter.outputTokens],
  ] as const) {
    if (range?.min !== undefined) add(`${expr} >= ${int(range.min)}`);
    if (range?.max !== undefined) add(`${expr} <= ${int(range.max)}`);
  }
  for (const { key, value } of filter.metadata ?? []) {
    const path = fieldPath(`requestMetadata.${check("metadataKey", "Metadata key", key)}`);
    add(`${path} = ${stringLiteral(checkMetadataValue(key, value))}`);
  }
  if (filter.text !== undefined) {
    const words = searchWords(filter.text);
    // Words without a letter or digit: the embedded store matches nothing, and so does this.
    add(words.length === 0 ? "1 = 0" : words.map((w) => `@message like ${wordRegexLiteral(w)}`).join(" and "));
  }
  return out;
}

function finish(commands: string[]): string {
  const query = commands.join("\n| ");
  if (query.length > MAX_QUERY_CHARS) {
    throw new ValidationError(
      `This filter makes a CloudWatch query of ${query.length} characters (at most ${MAX_QUERY_CHARS}); pick fewer values.`,
    );
  }
  return query;
}

/** Position after the last row of a page: the event time (ms) and the request id that breaks ties. */
export type Keyset = { t: number; id: string };

const afterKeyset = (k: Keyset) =>
  `filter toMillis(@timestamp) < ${int(k.t)} or (toMillis(@timestamp) = ${int(k.t)} and requestId < ${stringLiteral(check("requestId", "Cursor", k.id))})`;

/** Newest first after `after`; the store asks for one row more than the page to see whether there is another. */
export function searchQuery(filter: LogFilter, after: Keyset | undefined, limit: number): string {
  const keyset = after === undefined ? [] : [afterKeyset(after)];
  return finish([
    "fields @timestamp, requestId, @message",
    ...filterCommands(filter),
    ...keyset,
    "sort @timestamp desc",
    `limit ${int(limit)}`,
  ]);
}

/** Every row at exactly `t` (after `after` in request-id order): resolves a page cut inside one millisecond. */
export function tieQuery(filter: LogFilter, t: number, after: Keyset | undefined, limit: number): string {
  const keyset = after === undefined ? [] : [afterKeyset(after)];
  return finish([
    "fields @timestamp, requestId, @message",
    ...filterCommands(filter),
    ...keyset,
    `filter toMillis(@timestamp) = ${int(t)}`,
    "sort requestId desc",
    `limit ${int(limit)}`,
  ]);
}

export function countQuery(filter: LogFilter): string {
  return finish([...filterCommands(filter), "stats count(*) as n"]);
}

/** Raw-record field behind each facet; guardrailActions is derived and counted with guardrailCountQuery. */
export const FACET_FIELDS = {
  models: "modelId",
  principals: "identity.arn",
  operations: "operation",
  errorCodes: "errorCode",
  regions: "region",
} as const satisfies Partial<Record<FacetKey, string>>;

export function facetQuery(filter: LogFilter, facet: keyof typeof FACET_FIELDS, limit: number): string {
  const field = FACET_FIELDS[facet];
  return finish([...filterCommands(filter), `stats count(*) as n by ${field}`, "sort n desc", `limit ${int(limit)}`]);
}

export function guardrailCountQuery(filter: LogFilter, action: "INTERVENED" | "NONE"): string {
  const predicate = action === "INTERVENED" ? INTERVENED : NOT_INTERVENED_BUT_TRACED;
  return finish([...filterCommands(filter), `filter ${predicate}`, "stats count(*) as n"]);
}

/** Records per (traced id, requested id) pair; the store keeps the traced one, else the requested one. */
export function guardrailIdFacetQuery(filter: LogFilter, limit: number): string {
  const base = filterCommands(filter);
  const parse = base.includes(GUARDRAIL_ID_PARSE[0] ?? "") ? [] : GUARDRAIL_ID_PARSE;
  const { traced, named } = GUARDRAIL_ID_FIELDS;
  return finish([...base, ...parse, `stats count(*) as n by ${traced}, ${named}`, "sort n desc", `limit ${int(limit)}`]);
}

/** Records where this policy type fired; one query per type, as a record counts under each of its types. */
export function policyCountQuery(filter: LogFilter, type: (typeof LOG_POLICY_TYPES)[number]): string {
  return finish([...filterCommands(filter), `filter ${POLICY_FIRED[type]}`, "stats count(*) as n"]);
}

const BIN = { minute: "1m", hour: "1h", day: "1d" } as const satisfies Record<TimeBucket, string>;
/** The result column `stats … by bin(x)` returns (no alias: the documented form). */
export const binField = (bucket: TimeBucket) => `bin(${BIN[bucket]})`;

/**
 * Three `stats count(*) by bin()` queries (all, errors, interventions) rather than one with
 * `sum(<predicate>)`: Insights documents sum() of a comparison, not of a `like` regex match.
 */
export function timeseriesQueries(
  filter: LogFilter,
  bucket: TimeBucket,
): Record<"invocations" | "errors" | "interventions", string> {
  const by = `stats count(*) as n by ${binField(bucket)}`;
  const base = filterCommands(filter);
  return {
    invocations: finish([...base, by]),
    errors: finish([...base, "filter not isempty(errorCode)", by]),
    interventions: finish([...base, `filter ${INTERVENED}`, by]),
  };
}

/** One record by request id, with its raw event; `filter` narrows time when the caller knows it. */
export function getQuery(id: string): string {
  return finish([
    "fields @timestamp, requestId, @message",
    `filter schemaType = "ModelInvocationLog"`,
    `filter requestId = ${stringLiteral(check("requestId", "Record id", id))}`,
    "limit 1",
  ]);
}
