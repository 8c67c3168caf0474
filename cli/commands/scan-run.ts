import type { Kysely } from "kysely";
import { recordAudit } from "@/server/audit/record";
import type { CheckSettings } from "@/server/checks/define-check";
import { CHECKS } from "@/server/checks/registry";
import { checkSettings } from "@/server/config/check-settings";
import { ConfigError, env } from "@/server/config/env";
import type { Database } from "@/server/db";
import { ConflictError } from "@/server/http/errors";
import { admitScan, holdScanLease, type ScanLease } from "@/server/scans/admission";
import { activeScan, failScan } from "@/server/scans/repository";
import { runScan } from "@/server/scans/run-scan";
import { getSource } from "@/server/sources";
import type { InventorySource, SourceOverrides } from "@/server/sources/types";
import type { CliContext } from "../command";
import { CliError, EXIT, UsageError, type ExitCode } from "../errors";
import { createProgress } from "../output/progress";
import type { ScanFlags } from "./scan";
import { failingAtOrAbove, loadScanReport, renderJson, renderTableReport, type ScanReport } from "./scan-report";

function openSource(flags: ScanFlags): InventorySource {
  const overrides: SourceOverrides = { source: flags.source, accounts: flags.accounts, regions: flags.regions };
  let source: InventorySource;
  try {
    source = getSource(overrides);
  } catch (error) {
    // Bad settings are ConfigErrors; anything else here is the source rejecting the narrowing
    // (the demo estate names the accounts and regions it has).
    if (error instanceof ConfigError || (!flags.accounts && !flags.regions)) throw error;
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (flags.source && source.kind !== flags.source) {
    throw new CliError(`--source ${flags.source} is not available in this build (it would scan ${source.kind}).`, EXIT.config);
  }
  return source;
}

/**
 * The dashboard's launchScan, with this run's source narrowing, progress and Ctrl-C: admission
 * (one scan at a time, across processes), an audit entry or no scan, and a heartbeat lease.
 */
async function claimScan(
  db: Kysely<Database>,
  source: InventorySource,
  settings: CheckSettings,
  flags: ScanFlags,
  ctx: CliContext,
): Promise<{ id: string; lease: ScanLease }> {
  const actor = `cli:${ctx.user}`;
  let id: string;
  try {
    id = await admitScan(db, { source: source.kind, requestedBy: actor, settings }, { now: ctx.now() });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const running = await activeScan(db);
    const which = running ? ` (${running.id}, requested by ${running.requestedBy} at ${running.createdAt})` : "";
    throw new CliError(`A scan is already running${which}; try again when it has finished.`, EXIT.busy);
  }
  try {
    // Like the scheduler's "system": whoever runs the CLI holds the data directory, beyond dashboard roles.
    await recordAudit({
      actor,
      role: "system",
      action: "scan.start",
      target: id,
      detail: { source: source.kind, trigger: "cli", accounts: flags.accounts ?? null, regions: flags.regions ?? null },
    });
  } catch (error) {
    await failScan(db, id, "The scan could not be recorded in the audit log.", ctx.now().toISOString());
    throw error;
  }
  return { id, lease: holdScanLease(db, id) };
}

function exitCode(report: ScanReport, flags: ScanFlags, ctx: CliContext): ExitCode {
  // An interrupt that came too late to stop the scan changes nothing: its results are complete.
  if (report.scan.status !== "completed" && ctx.signal.aborted) {
    ctx.stderr.write(`strata: interrupted; scan ${report.scan.id} is recorded as failed.\n`);
    return EXIT.interrupted;
  }
  if (report.scan.status !== "completed") {
    ctx.stderr.write(`strata: scan ${report.scan.id} failed: ${report.scan.error ?? "no reason recorded"}\n`);
    return EXIT.software;
  }
  const threshold = flags["fail-on"];
  if (!threshold) return EXIT.ok;
  const failing = failingAtOrAbove(report.findings, threshold).length;
  if (failing === 0) return EXIT.ok;
  ctx.stderr.write(
    `strata: ${failing} failing finding${failing === 1 ? "" : "s"} at or above ${threshold} (--fail-on ${threshold}).\n`,
  );
  return EXIT.failOn;
}

/** `scan`: runs the dashboard's engine in this process, waits for it, prints what was stored. */
export async function runScanCommand(flags: ScanFlags, ctx: CliContext): Promise<ExitCode> {
  const source = openSource(flags);
  const settings = checkSettings();
  const db = await ctx.db();
  const { id, lease } = await claimScan(db, source, settings, flags, ctx);

  const progress = createProgress(ctx.stderr, () => ctx.now().getTime());
  try {
    await runScan(
      {
        db,
        source,
        checks: CHECKS,
        context: { settings },
        concurrency: env().STRATA_SCAN_CONCURRENCY,
        signal: AbortSignal.any([ctx.signal, lease.signal]),
        onProgress: progress.update,
      },
      id,
    );
  } finally {
    lease.release();
    progress.finish();
  }

  const report = await loadScanReport(db, id);
  const width = ctx.stdout.isTTY ? (ctx.stdout.columns ?? 80) : undefined;
  ctx.stdout.write(flags.format === "json" ? renderJson(report) : renderTableReport(report, width));
  return exitCode(report, flags, ctx);
}
