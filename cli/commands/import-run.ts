import { join } from "node:path";
import { recordAudit } from "@/server/audit/record";
import { env } from "@/server/config/env";
import { embeddedLogsFile } from "@/server/logs";
import { ImportError, importLogs, type ImportProgress, type ImportSummary } from "@/server/logs/import/import";
import { SqliteLogStore } from "@/server/logs/store/sqlite";
import type { CliContext } from "../command";
import { CliError, EXIT, type ExitCode } from "../errors";
import { createProgress } from "../output/progress";
import type { ImportFlags } from "./import";
import { progressLabel, renderJson, renderTableReport, type ImportReport } from "./import-report";

/** A terminal redraw per file would be most of the work for folders of small files. */
const REDRAW_MS = 100;

/** <STRATA_DATA_DIR>/quarantine/import-20250101T120000Z.jsonl: one file per run, sortable, no colons. */
function defaultQuarantinePath(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return join(env().STRATA_DATA_DIR, "quarantine", `import-${stamp}.jsonl`);
}

function openStore(file: string): SqliteLogStore {
  try {
    return new SqliteLogStore(file);
  } catch (error) {
    throw new CliError(
      `Cannot open the log store ${file}: ${error instanceof Error ? error.message : String(error)}`,
      EXIT.software,
    );
  }
}

function stoppedAt(summary: ImportSummary | undefined): string {
  if (!summary) return "";
  return ` ${summary.inserted.toLocaleString("en-US")} new records from ${summary.files} files were stored before it stopped.`;
}

function exitCode(summary: ImportSummary, ctx: CliContext): ExitCode {
  if (summary.malformed > 0) {
    ctx.stderr.write(`strata: warning: ${summary.malformed} malformed lines were quarantined in ${summary.quarantinePath}.\n`);
  }
  if (summary.aborted) {
    ctx.stderr.write("strata: interrupted; what was read is stored. Run the same import again to continue.\n");
    return EXIT.interrupted;
  }
  if (summary.failedFiles.length > 0) {
    ctx.stderr.write(`strata: ${summary.failedFiles.length} of ${summary.files} files could not be read to their end.\n`);
    return EXIT.dataErr;
  }
  return EXIT.ok;
}

/**
 * Imported logs become readable by everyone with logs:read, so an import is recorded like a scan
 * started from the CLI: actor cli:<OS user>, role system, what was read and what it added.
 */
async function auditImport(ctx: CliContext, source: string, db: string, summary: ImportSummary, error?: string): Promise<void> {
  await recordAudit(
    {
      actor: `cli:${ctx.user}`,
      role: "system",
      action: "logs.import",
      target: source,
      detail: {
        db,
        files: summary.files,
        records: summary.records,
        inserted: summary.inserted,
        skipped: summary.skipped,
        malformed: summary.malformed,
        failedFiles: summary.failedFiles.length,
        aborted: summary.aborted,
        ...(error ? { error } : {}),
      },
    },
    ctx.now(),
  );
}

/** `import`: streams the source into the embedded store with a progress bar, then prints the summary. */
export async function runImportCommand(flags: ImportFlags, ctx: CliContext, source: string): Promise<ExitCode> {
  const db = flags.db ?? embeddedLogsFile();
  const quarantinePath = flags.quarantine ?? defaultQuarantinePath(ctx.now());
  const store = openStore(db);
  const progress = createProgress(ctx.stderr, () => ctx.now().getTime(), "import");
  let lastDraw = Number.NEGATIVE_INFINITY;
  const onProgress = (p: ImportProgress) => {
    const now = ctx.now().getTime();
    if (now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    progress.update({ done: p.files, total: p.filesTotal, label: progressLabel(p) });
  };
  let summary: ImportSummary;
  try {
    summary = await importLogs({ source, store, quarantinePath, batchSize: flags.batch, signal: ctx.signal, onProgress });
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    if (error.summary) await auditImport(ctx, source, db, error.summary, error.message);
    throw new CliError(`${error.message}${stoppedAt(error.summary)}`, error.kind === "source" ? EXIT.usage : EXIT.software);
  } finally {
    progress.finish();
    store.close();
  }
  await auditImport(ctx, source, db, summary);
  const report: ImportReport = { ...summary, db };
  const width = ctx.stdout.isTTY ? (ctx.stdout.columns ?? 80) : undefined;
  ctx.stdout.write(flags.format === "json" ? renderJson(report) : renderTableReport(report, width));
  return exitCode(summary, ctx);
}
