import "server-only";
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import SQLite from "better-sqlite3";
import {
  BUCKET_MS,
  MAX_TIMESERIES_POINTS,
  type Facets,
  type LogFilter,
  type LogPage,
  type TimeBucket,
  type Timeseries,
} from "@/lib/schemas/logs";
import { ValidationError } from "@/server/http/errors";
import type { InvocationRecord } from "../record";
import { decodeCursor, encodeCursor } from "./cursor";
import { facetsOf } from "./sqlite-facets";
import { compileFilter, policyMask, sideMaskOf } from "./sqlite-filter";
import { addToRollup, ROLLUP_DDL, rollupUpsert, splitByTime, unionQuery, type PendingRollup } from "./sqlite-rollup";
import { LOGS_DDL, LOGS_SCHEMA_VERSION } from "./sqlite-schema";
import { decodeStored, packRecords } from "./stored-record";
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from "./sqlite-summary";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type WritableLogStore } from "./types";

// The browser-safe lists in lib/schemas/logs.ts must equal the normaliser's; these fail to compile if they drift.

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new ValidationError(`The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return limit;
}

/** The embedded LogStore: one SQLite file of its own (e.g. `<STRATA_DATA_DIR>/logs.db`). */
export class SqliteLogStore implements WritableLogStore {
  private db: SQLite.Database;
  private readonly insertRow: SQLite.Statement;
  private readonly insertChunk: SQLite.Statement;
  /** The last chunk get() inflated: paging through neighbours (the drawer, an export) reuses it. */
  private lastChunk: { id: number; data: Buffer } | undefined;
  private readonly insertText: SQLite.Statement;
  private readonly upsertHour: SQLite.Statement;
  private readonly hasId: SQLite.Statement;
  private readonly upsertDay: SQLite.Statement;

  /**
   * `resetOnSchemaChange`: a file from an older build is deleted and started afresh instead of
   * refused. Only for stores whose content can be regenerated (the demo's); imports must be redone.
   */
  constructor(file: string, options: { resetOnSchemaChange?: boolean } = {}) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = SqliteLogStore.open(file);
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version !== 0 && version !== LOGS_SCHEMA_VERSION) {
      if (!options.resetOnSchemaChange || file === ":memory:") {
        this.db.close();
        throw new Error(
          `${file} has logs schema version ${version}; this build expects ${LOGS_SCHEMA_VERSION}. Delete it and re-import.`,
        );
      }
      this.db.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
      console.warn(`${file} was built by an older version of Strata (logs schema ${version}); it was deleted and is rebuilt.`);
      this.db = SqliteLogStore.open(file);
    }
    this.db.exec(LOGS_DDL);
    this.db.exec(ROLLUP_DDL);
    this.db.pragma(`user_version = ${LOGS_SCHEMA_VERSION}`);

    this.insertRow = this.db.prepare(`INSERT OR IGNORE INTO invocations (
      id, ts, account_id, region, inference_region, cross_region, model_id, operation, principal_arn,
      principal_type, principal_role, principal_session, error_code, guardrail_action, guardrail_policy_mask,
      guardrail_id, guardrail_side_mask, latency_ms, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
      request_metadata, body_chunk, body_offset, body_length
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertChunk = this.db.prepare("INSERT INTO invocation_body_chunks (data) VALUES (?)");
    this.insertText = this.db.prepare("INSERT INTO invocations_fts (rowid, prompt, response) VALUES (?, ?, ?)");
    this.upsertHour = this.db.prepare(rollupUpsert("hour"));
    this.hasId = this.db.prepare("SELECT 1 FROM invocations WHERE id = ?").pluck();
    this.upsertDay = this.db.prepare(rollupUpsert("day"));
  }

  private static open(file: string): SQLite.Database {
    const db = new SQLite(file);
    // WAL lets the explorer read while an import writes; NORMAL sync is safe with WAL and much faster.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
    // 64 MB of page cache (default 2 MB): a million-record import touches every index b-tree, the
    // random-uuid id index among them, and thrashes a small cache (bench:logs).
    db.pragma("cache_size = -65536");
    // Checkpoint every 64 MB of WAL rather than 4 MB: index pages rewritten by consecutive import
    // batches are then copied into the database once, not once per batch.
    db.pragma("wal_autocheckpoint = 16384");
    return db;
  }

  close(): void {
    this.db.close();
  }

  getMeta(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.db
      .prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
      .run(key, value);
  }

  async insert(records: InvocationRecord[]): Promise<{ inserted: number; skipped: number }> {
    // Records already stored (a re-import) are dropped before any work is spent on them.
    const seen = new Set<string>();
    const fresh = records.filter((r) => !seen.has(r.id) && (seen.add(r.id), this.hasId.get(r.id) === undefined));
    const chunks = packRecords(fresh, (data) => deflateRawSync(data, { level: 1 }));
    const run = this.db.transaction((batch: InvocationRecord[]) => {
      let inserted = 0;
      const rollup = { hour: new Map(), day: new Map() } satisfies Record<string, PendingRollup>;
      let chunkIndex = -1;
      let chunkId = 0;
      let member = 0;
      for (const r of batch) {
        // Records fill the chunks in order; a chunk's row is written when its first record comes.
        const chunk = chunks[chunkIndex];
        if (!chunk || member >= chunk.members.length) {
          chunkIndex++;
          member = 0;
          chunkId = Number(this.insertChunk.run(chunks[chunkIndex]?.data).lastInsertRowid);
        }
        const place = chunks[chunkIndex]?.members[member++];
        if (!place) throw new Error("A stored record is missing from its chunk.");
        const ts = Date.parse(r.timestamp);
        const mask = policyMask(r.guardrail.policyTypes);
        const crossRegion = r.crossRegion ? 1 : 0;
        const errorCode = r.error?.code ?? null;
        const sides = sideMaskOf(r.guardrail.side);
        const result = this.insertRow.run(
          r.id,
          ts,
          r.accountId,
          r.region,
          r.inferenceRegion,
          crossRegion,
          r.modelId,
          r.operation,
          r.principal.arn,
          r.principal.type,
          r.principal.role,
          r.principal.session,
          errorCode,
          r.guardrail.action,
          mask,
          r.guardrail.id,
          sides,
          r.latencyMs,
          r.tokens.input,
          r.tokens.output,
          r.tokens.cacheRead,
          r.tokens.cacheWrite,
          JSON.stringify(r.requestMetadata),
          chunkId,
          place.offset,
          place.length,
        );
        // IGNORE: the id is already stored (re-import), so its body, text and counts are too.
        if (result.changes === 0) continue;
        const seq = result.lastInsertRowid;
        this.insertText.run(seq, r.promptText, r.responseText);
        addToRollup(rollup, [
          ts,
          r.accountId,
          r.region,
          r.modelId,
          r.operation,
          r.principal.arn,
          r.principal.role,
          errorCode,
          r.guardrail.action,
          mask,
          r.guardrail.id,
          sides,
          crossRegion,
        ]);
        inserted++;
      }
      for (const [key, { dims, n }] of rollup.hour) this.upsertHour.run(key, ...dims, n);
      for (const [key, { dims, n }] of rollup.day) this.upsertDay.run(key, ...dims, n);
      return inserted;
    });
    const inserted = run(fresh);
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
    const { sql, params } = unionQuery(
      splitByTime(filter),
      (rollup) => (rollup ? "SUM(n) AS c" : "COUNT(*) AS c"),
      null,
      "SELECT COALESCE(SUM(c), 0) AS n FROM ({union})",
    );
    return (this.db.prepare(sql).get(...params) as { n: number }).n;
  }

  async get(id: string): Promise<InvocationRecord | undefined> {
    const row = this.db.prepare("SELECT body_chunk, body_offset, body_length FROM invocations WHERE id = ?").get(id) as
      { body_chunk: number; body_offset: number; body_length: number } | undefined;
    if (!row) return undefined;
    if (this.lastChunk?.id !== row.body_chunk) {
      const chunk = this.db.prepare("SELECT data FROM invocation_body_chunks WHERE id = ?").get(row.body_chunk) as
        { data: Buffer } | undefined;
      if (!chunk) throw new Error(`The stored body of ${id} is missing (chunk ${row.body_chunk}).`);
      this.lastChunk = { id: row.body_chunk, data: inflateRawSync(chunk.data) };
    }
    const bytes = this.lastChunk.data.subarray(row.body_offset, row.body_offset + row.body_length);
    return decodeStored(bytes.toString("utf8"));
  }

  async facets(filter: LogFilter): Promise<Facets> {
    return facetsOf(this.db, filter);
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
    // Hour and day buckets are whole hours, so rollup rows fall into exactly one; minutes need the records.
    const parts =
      bucket === "minute" ? [{ source: "invocations" as const, filter: compileFilter(filter) }] : splitByTime(filter, bucket);
    // start and size are integers computed here, not input, so they are written into the SQL.
    const b = `(ts - ${start}) / ${size}`;
    const { sql, params } = unionQuery(
      parts,
      (rollup) =>
        rollup
          ? `${b} AS b, SUM(n) AS i, SUM(CASE WHEN error_code IS NOT NULL THEN n ELSE 0 END) AS e,
             SUM(CASE WHEN guardrail_action = 'INTERVENED' THEN n ELSE 0 END) AS g`
          : `${b} AS b, COUNT(*) AS i, SUM(error_code IS NOT NULL) AS e, SUM(guardrail_action = 'INTERVENED') AS g`,
      "b",
      "SELECT b, SUM(i) AS invocations, SUM(e) AS errors, SUM(g) AS interventions FROM ({union}) GROUP BY b",
    );
    const rows = this.db.prepare(sql).all(...params) as {
      b: number;
      invocations: number;
      errors: number;
      interventions: number;
    }[];
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
