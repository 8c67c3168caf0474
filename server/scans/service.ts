import "server-only";
import { recordAudit } from "@/server/audit/record";
import type { SessionUser } from "@/server/auth/session";
import { CHECKS } from "@/server/checks/registry";
import { checkSettings } from "@/server/config/check-settings";
import { env } from "@/server/config/env";
import { getDb } from "@/server/db";
import { getSource } from "@/server/sources";
import { admitScan, holdScanLease, type AdmitOptions } from "./admission";
import { failScan } from "./repository";
import { runScan } from "./run-scan";

export type ScanLaunch = {
  /** Stored on the scan: a user's email or id, or "schedule". */
  requestedBy: string;
  audit: { actor: string; role: string; trigger: "manual" | "schedule" | "cli" };
};

/**
 * Admits a scan (ConflictError if one is queued or running anywhere), audits it and runs it in this
 * process. `done` settles when the run has ended; its outcome is on the scan row, which any
 * instance can read.
 */
export async function launchScan(launch: ScanLaunch, options: AdmitOptions = {}): Promise<{ id: string; done: Promise<void> }> {
  const db = await getDb();
  const source = getSource();
  const settings = checkSettings();
  const id = await admitScan(db, { source: source.kind, requestedBy: launch.requestedBy, settings }, options);
  try {
    await recordAudit({
      actor: launch.audit.actor,
      role: launch.audit.role,
      action: "scan.start",
      target: id,
      detail: { source: source.kind, trigger: launch.audit.trigger },
    });
  } catch (error) {
    // No unaudited scans; failing the row also frees the admission at once.
    await failScan(db, id, "The scan could not be recorded in the audit log.", new Date().toISOString());
    throw error;
  }
  const lease = holdScanLease(db, id);
  const deps = { db, source, checks: CHECKS, context: { settings }, concurrency: env().STRATA_SCAN_CONCURRENCY };
  // runScan records its own failures on the scan; this catch only guards against the database itself failing.
  const done = runScan({ ...deps, signal: lease.signal }, id)
    .catch((error: unknown) => {
      console.error(`[strata] scan ${id} could not record its result`, error);
    })
    .finally(lease.release);
  return { id, done };
}

/**
 * Starts a scan for a signed-in user and returns its id at once; progress is read from the
 * database, so any instance can report it. Only one scan runs at a time (see admission.ts).
 */
export async function startScan(user: Pick<SessionUser, "email" | "id" | "role">): Promise<{ id: string }> {
  const actor = user.email ?? user.id;
  const { id } = await launchScan({ requestedBy: actor, audit: { actor, role: user.role, trigger: "manual" } });
  return { id };
}
