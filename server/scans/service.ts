import "server-only";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/server/audit/record";
import type { SessionUser } from "@/server/auth/session";
import { CHECKS } from "@/server/checks/registry";
import { checkSettings } from "@/server/config/check-settings";
import { env } from "@/server/config/env";
import { getDb } from "@/server/db";
import { ConflictError } from "@/server/http/errors";
import { getSource } from "@/server/sources";
import { activeScan, failStaleScans, insertScan } from "./repository";
import { runScan } from "./run-scan";

// A running scan writes progress at least this often; older heartbeats mean its process died.
const STALE_AFTER_MS = 5 * 60_000;

/**
 * Starts a scan in this process and returns its id at once; progress is read from the database,
 * so any instance can report it. Only one scan runs at a time.
 */
export async function startScan(user: Pick<SessionUser, "email" | "id" | "role">): Promise<{ id: string }> {
  const db = await getDb();
  const now = new Date();
  await failStaleScans(db, new Date(now.getTime() - STALE_AFTER_MS).toISOString(), now.toISOString());
  const running = await activeScan(db);
  if (running) throw new ConflictError("A scan is already running.", { scanId: running.id });

  const id = randomUUID();
  const source = getSource();
  const settings = checkSettings();
  await insertScan(db, { id, source: source.kind, requestedBy: user.email ?? user.id, settings, now: now.toISOString() });
  await recordAudit({
    actor: user.email ?? user.id,
    role: user.role,
    action: "scan.start",
    target: id,
    detail: { source: source.kind },
  });
  // runScan records its own failures on the scan; this catch only guards against the database itself failing.
  runScan({ db, source, checks: CHECKS, context: { settings }, concurrency: env().STRATA_SCAN_CONCURRENCY }, id).catch(
    (error: unknown) => {
      console.error(`[strata] scan ${id} could not record its result`, error);
    },
  );
  return { id };
}
