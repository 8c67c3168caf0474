import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import SQLite from "better-sqlite3";
import {
  BUCKET_MS,
  type LOG_POLICY_TYPES,
  type LOG_PRINCIPAL_TYPES,
  MAX_TIMESERIES_POINTS,
  type FacetKey,
  type Facets,
  type LogFilter,
  type LogPage,
  type LogSummary,
  type TimeBucket,
  type Timeseries,
} from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import type { GuardrailPolicyType, InvocationRecord, PrincipalType } from "../record";
import { decodeCursor, encodeCursor } from "./cursor";
import { compileFilter, policyMask, policyTypesOf } from "./sqlite-filter";
import { LOGS_DDL, LOGS_SCHEMA_VERSION } from "./sqlite-schema";
import { DEFAULT_PAGE_SIZE, FACET_LIMIT, MAX_PAGE_SIZE, type WritableLogStore } from "./types";

// The browser-safe lists in lib/schemas/logs.ts must equal the normaliser's; these fail to compile if they drift.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const policyTypesAgree: Same<GuardrailPolicyType, (typeof LOG_POLICY_TYPES)[number]> = true;
const principalTypesAgree: Same<PrincipalType, (typeof LOG_PRINCIPAL_TYPES)[number]> = true;
void [policyTypesAgree, principalTypesAgree];

type SummaryRow = {
  seq: number;
  id: string;
  ts: number;
  account_id: string | null;
  region: string | null;
  inference_region: string | null;
  cross_region: number;
  model_id: string | null;
  operation: string | null;
  principal_arn: string | null;
  principal_type: PrincipalType;
  principal_role: string | null;
  principal_session: string | null;
  error_code: string | null;
  guardrail_action: "INTERVENED" | "NONE" | null;
  guardrail_policy_mask: number;
  latency_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  request_metadata: string;
};

const SUMMARY_COLUMNS = `seq, id, ts, account_id, region, inference_region, cross_region, model_id, operation,
  principal_arn, principal_type, principal_role, principal_session, error_code, guardrail_action,
  guardrail_policy_mask, latency_ms, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, request_metadata`;

// Column names here are constants, never user input.
const FACET_COLUMNS = {
  models: "model_id",
  principals: "principal_arn",
  operations: "operation",
  errorCodes: "error_code",
  guardrailActions: "guardrail_action",
  regions: "region",
} as const satisfies Record<FacetKey, string>;

function toSummary(row: SummaryRow): LogSummary {
  return {
    id: row.id,
    timestamp: new Date(row.ts).toISOString(),
    accountId: row.account_id,
    region: row.region,
    inferenceRegion: row.inference_region,
    crossRegion: row.cross_region === 1,
    modelId: row.model_id,
    operation: row.operation,
    principal: { arn: row.principal_arn, type: row.principal_type, role: row.principal_role, session: row.principal_session },
    errorCode: row.error_code,
    guardrailAction: row.guardrail_action,
    guardrailPolicyTypes: policyTypesOf(row.guardrail_policy_mask),
    latencyMs: row.latency_ms,
    tokens: {
      input: row.input_tokens,
      output: row.output_tokens,
      cacheRead: row.cache_read_tokens,
      cacheWrite: row.cache_write_tokens,
    },
    requestMetadata: JSON.parse(row.request_metadata) as Record<string, string>,
  };
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(`The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return limit;
}

/** The embedded LogStore: one SQLite file of its own (e.g. `<STRATA_DATA_DIR>/logs.db`). */
export class SqliteLogStore implements WritableLogStore {
  private readonly db: SQLite.Database;
  private readonly insertRow: SQLite.Statement;
  private readonly insertBody: SQLite.Statement;
  private readonly insertText: SQLite.Statement;

  constructor(file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new SQLite(file);
    // WAL lets the explorer read while an import writes; NORMAL sync is safe with WAL and much faster.
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("busy_timeout = 5000");
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version !== 0 && version !== LOGS_SCHEMA_VERSION) {
      throw new Error(
        `${file} has logs schema version ${version}; this build expects ${LOGS_SCHEMA_VERSION}. Delete it and re-import.`,
      );
    }
    this.db.exec(LOGS_DDL);
    this.db.pragma(`user_version = ${LOGS_SCHEMA_VERSION}`);

    this.insertRow = this.db.prepare(`INSERT OR IGNORE INTO invocations (
      id, ts, account_id, region, inference_region, cross_region, model_id, operation, principal_arn,
      principal_type, principal_role, principal_session, error_code, guardrail_action, guardrail_policy_mask,
      latency_ms, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, request_metadata
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertBody = this.db.prepare("INSERT INTO invocation_bodies (seq, record) VALUES (?, ?)");
    this.insertText = this.db.prepare("INSERT INTO invocations_fts (rowid, prompt, response) VALUES (?, ?, ?)");
  }

  close(): void {
    this.db.close();
  }

  async insert(records: InvocationRecord[]): Promise<{ inserted: number; skipped: number }> {
    const run = this.db.transaction((batch: InvocationRecord[]) => {
      let inserted = 0;
      for (const r of batch) {
        const result = this.insertRow.run(
          r.id,
          Date.parse(r.timestamp),
          r.accountId,
          r.region,
          r.inferenceRegion,
          r.crossRegion ? 1 : 0,
          r.modelId,
          r.operation,
          r.principal.arn,
          r.principal.type,
          r.principal.role,
          r.principal.session,
          r.error?.code ?? null,
          r.guardrail.action,
          policyMask(r.guardrail.policyTypes),
          r.latencyMs,
          r.tokens.input,
          r.tokens.output,
          r.tokens.cacheRead,
          r.tokens.cacheWrite,
          JSON.stringify(r.requestMetadata),
        );
        // IGNORE: the id is already stored (re-import), so its body and text are too.
        if (result.changes === 0) continue;
        const seq = result.lastInsertRowid;
        this.insertBody.run(seq, deflateRawSync(JSON.stringify(r)));
        this.insertText.run(seq, r.promptText, r.responseText);
        inserted++;
      }
      return inserted;
    });
    const inserted = run(records);
    return { inserted, skipped: records.length - inserted };
  }

  async search(filter: LogFilter, cursor?: string, limit?: number): Promise<LogPage> {
    const size = clampLimit(limit);
    const { where, params } = compileFilter(filter);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const keyset = after ? " AND (ts < ? OR (ts = ? AND seq < ?))" : "";
    const keysetParams = after ? [after.t, after.t, after.s] : [];
    // One row more than the page tells whether there is a next page without counting.
    const rows = this.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM invocations WHERE ${where}${keyset} ORDER BY ts DESC, seq DESC LIMIT ?`)
      .all(...params, ...keysetParams, size + 1) as SummaryRow[];
    const page = rows.slice(0, size);
    const last = page.at(-1);
    const nextCursor = rows.length > size && last ? encodeCursor({ t: last.ts, s: last.seq }) : null;
    return { items: page.map(toSummary), nextCursor };
  }

  async count(filter: LogFilter): Promise<number> {
    const { where, params } = compileFilter(filter);
    const row = this.db.prepare(`SELECT COUNT(*) AS n FROM invocations WHERE ${where}`).get(...params) as { n: number };
    return row.n;
  }

  async get(id: string): Promise<InvocationRecord | undefined> {
    const row = this.db
      .prepare("SELECT b.record FROM invocations i JOIN invocation_bodies b ON b.seq = i.seq WHERE i.id = ?")
      .get(id) as { record: Buffer } | undefined;
    // The blob is what insert() wrote from a normalised record; it is trusted like any other column.
    return row ? (JSON.parse(inflateRawSync(row.record).toString("utf8")) as InvocationRecord) : undefined;
  }

  async facets(filter: LogFilter): Promise<Facets> {
    const { where, params } = compileFilter(filter);
    const countBy = (column: string) =>
      this.db
        .prepare(
          `SELECT ${column} AS value, COUNT(*) AS count FROM invocations WHERE ${where}
           GROUP BY ${column} ORDER BY count DESC, value IS NULL, value LIMIT ?`,
        )
        .all(...params, FACET_LIMIT) as { value: string | null; count: number }[];
    const out = {} as Facets;
    for (const [facet, column] of Object.entries(FACET_COLUMNS) as [FacetKey, string][]) out[facet] = countBy(column);
    return out;
  }

  async timeseries(filter: LogFilter, bucket: TimeBucket): Promise<Timeseries> {
    const size = BUCKET_MS[bucket];
    // Buckets are aligned to the UTC epoch, so an hour bucket starts on the hour whatever `from` is.
    const start = Math.floor(Date.parse(filter.from) / size) * size;
    const points = Math.ceil((Date.parse(filter.to) - start) / size);
    if (points > MAX_TIMESERIES_POINTS) {
      throw new ValidationError(
        `That range has ${points} ${bucket} buckets (at most ${MAX_TIMESERIES_POINTS}); use a larger bucket.`,
      );
    }
    const { where, params } = compileFilter(filter);
    const rows = this.db
      .prepare(
        `SELECT (ts - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS b, COUNT(*) AS invocations, SUM(error_code IS NOT NULL) AS errors,
           SUM(guardrail_action = 'INTERVENED') AS interventions
         FROM invocations WHERE ${where} GROUP BY b`,
      )
      .all(start, size, ...params) as { b: number; invocations: number; errors: number; interventions: number }[];
    const byBucket = new Map(rows.map((r) => [r.b, r]));
    const series = Array.from({ length: points }, (_, b) => {
      const row = byBucket.get(b);
      return {
        t: new Date(start + b * size).toISOString(),
        invocations: row?.invocations ?? 0,
        errors: row?.errors ?? 0,
        interventions: row?.interventions ?? 0,
      };
    });
    return { bucket, points: series };
  }
}
