import "server-only";
import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Database } from "@/server/db";
import { ConflictError } from "@/server/http/errors";
import { activeScan, failStaleScans } from "./repository";

/** A scan whose heartbeat is older than this has lost its process; the next admission fails it. */
export const STALE_AFTER_MS = 5 * 60_000;
/** How often a held scan proves its process is alive, well inside STALE_AFTER_MS. */
const HEARTBEAT_EVERY_MS = 30_000;

export type ScanRequest = { source: string; requestedBy: string; settings: unknown };

export type AdmitOptions = {
  now?: Date;
  /**
   * Admit only while this is still the newest scan (`null`: while there is none). The scheduler
   * passes what it saw when it decided a scan was due, so a scan started meanwhile, here or on
   * another instance, cancels the scheduled one instead of being followed by a second.
   */
  ifLatestIs?: string | null;
};

/** PostgreSQL reports the index by name; SQLite names it in the message. */
function isActiveScanCollision(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const e = error as Error & { code?: unknown; constraint?: unknown };
  if (e.code === "23505") return e.constraint === "scans_one_active";
  return e.code === "SQLITE_CONSTRAINT_UNIQUE" && e.message.includes("scans_one_active");
}

async function conflict(db: Kysely<Database>, reason: string): Promise<ConflictError> {
  const running = await activeScan(db);
  return new ConflictError(reason, running ? { scanId: running.id } : undefined);
}

/**
 * Records a queued scan if none is queued or running and returns its id; otherwise throws
 * ConflictError. The unique index `scans_one_active` makes this atomic across processes and
 * instances on both engines; the caller then runs the scan (see `holdScanLease`).
 */
export async function admitScan(db: Kysely<Database>, request: ScanRequest, options: AdmitOptions = {}): Promise<string> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  await failStaleScans(db, new Date(now.getTime() - STALE_AFTER_MS).toISOString(), at);
  const id = randomUUID();
  const row = {
    id,
    source: request.source,
    requested_by: request.requestedBy,
    created_at: at,
    heartbeat_at: at,
    settings_json: JSON.stringify(request.settings),
  };
  // One INSERT … SELECT … WHERE NOT EXISTS, so the "still the newest" test and the insert cannot be split.
  const newer =
    options.ifLatestIs === undefined
      ? sql<boolean>`false`
      : options.ifLatestIs === null
        ? sql<boolean>`exists (select 1 from scans)`
        : sql<boolean>`exists (
            select 1 from scans
            where id <> ${options.ifLatestIs}
              and created_at >= (select created_at from scans where id = ${options.ifLatestIs})
          )`;
  try {
    const result = await sql`
      insert into scans (id, source, status, requested_by, created_at, started_at, finished_at, heartbeat_at,
                         progress_done, progress_total, progress_label, settings_json, score_json, errors_json, error)
      select ${row.id}, ${row.source}, 'queued', ${row.requested_by}, ${row.created_at}, null, null, ${row.heartbeat_at},
             0, 0, 'Queued', ${row.settings_json}, null, null, null
      where not (${newer})
    `.execute(db);
    if (Number(result.numAffectedRows ?? 0) === 0) throw await conflict(db, "A scan was started since this one was requested.");
  } catch (error) {
    if (isActiveScanCollision(error)) throw await conflict(db, "A scan is already running.");
    throw error;
  }
  return id;
}

export type ScanLease = { signal: AbortSignal; release: () => void };

/**
 * Keeps an admitted scan's heartbeat fresh while this process runs it, so a slow step is never
 * mistaken for a dead process. If another instance has failed the scan as stale meanwhile, the
 * signal aborts the run rather than letting two scans proceed at once.
 */
export function holdScanLease(db: Kysely<Database>, scanId: string, everyMs = HEARTBEAT_EVERY_MS): ScanLease {
  const controller = new AbortController();
  const beat = async () => {
    try {
      const result = await db
        .updateTable("scans")
        .set({ heartbeat_at: new Date().toISOString() })
        .where("id", "=", scanId)
        .where("status", "in", ["queued", "running"])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        clearInterval(timer);
        controller.abort(new Error("The scan ended elsewhere (failed as stale by another instance)."));
      }
    } catch (error) {
      // A database blip is not a lost lease: the next beat tries again, well before the scan goes stale.
      console.error(`[strata] scan ${scanId} heartbeat failed`, error);
    }
  };
  const timer = setInterval(() => void beat(), everyMs);
  timer.unref();
  return { signal: controller.signal, release: () => clearInterval(timer) };
}
