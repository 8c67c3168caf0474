import { createWriteStream } from "node:fs";
import { access, link, rm } from "node:fs/promises";
import { resolve } from "node:path";
import type { Kysely } from "kysely";
import { BUNDLE_META_FILES, exportRequestSchema, type ExportRequest } from "@/lib/schemas/evidence";
import { recordAudit } from "@/server/audit/record";
import type { Database } from "@/server/db";
import { dbChainStore } from "@/server/evidence/chain-store";
import { buildEvidenceBundle } from "@/server/evidence/export/build";
import { exportFileName } from "@/server/evidence/export/file-name";
import { GENERATOR } from "@/server/evidence/export/generator";
import { appSigningKey } from "@/server/evidence/export/jobs";
import { ConflictError, NotFoundError, ValidationError } from "@/server/http/errors";
import { latestCompletedScan } from "@/server/scans/repository";
import type { CliContext } from "../command";
import { CliError, EXIT, UsageError, type ExitCode } from "../errors";
import { createProgress } from "../output/progress";
import type { ExportFlags } from "./export";

async function scanIdOf(db: Kysely<Database>, flag: string | undefined): Promise<string> {
  if (flag !== undefined && flag !== "latest") return flag;
  const scan = await latestCompletedScan(db);
  if (!scan) throw new UsageError('There is no completed scan to export; run "npm run strata -- scan" first.');
  return scan.id;
}

/** The app's typed errors as CLI outcomes: the caller's input (2) or a state to wait out (75). */
function cliError(error: unknown): unknown {
  if (error instanceof ValidationError || error instanceof NotFoundError) return new UsageError(error.message);
  if (error instanceof ConflictError) return new CliError(error.message, EXIT.busy);
  return error;
}

/**
 * Writes the bundle beside its final name and links it into place at the end: a failed or interrupted export
 * leaves no file that looks like a bundle, and an existing file is never replaced.
 */
export async function runExportCommand(flags: ExportFlags, ctx: CliContext): Promise<ExitCode> {
  const db = await ctx.db();
  const now = ctx.now();
  const request: ExportRequest = exportRequestSchema.parse({
    scanId: await scanIdOf(db, flags.scan),
    framework: flags.framework ?? "all",
    accounts: flags.accounts ?? [],
    regions: flags.regions ?? [],
  });
  const path = resolve(flags.out ?? exportFileName(request, now));
  // Checked before building as well as at the end: the chain records a bundle once written, so refusing only
  // at the end would leave a chain link whose bundle nobody has.
  if (
    await access(path).then(
      () => true,
      () => false,
    )
  )
    throw new UsageError(`${path} already exists; choose another --out.`);
  const part = `${path}.${process.pid}.part`;
  const progress = createProgress(ctx.stderr, Date.now, "export");
  const actor = `cli:${ctx.user}`;
  try {
    const out = createWriteStream(part, { flags: "wx", mode: 0o600 });
    const result = await buildEvidenceBundle(
      {
        db,
        request,
        key: await appSigningKey(),
        chain: dbChainStore(db, { scanId: request.scanId, framework: request.framework, createdBy: actor }),
        generator: GENERATOR,
        now,
        signal: ctx.signal,
        onProgress: (p) => progress.update({ done: p.step, total: p.steps, label: p.phase }),
      },
      out,
    );
    await link(part, path).catch((error: NodeJS.ErrnoException) => {
      throw error.code === "EEXIST" ? new UsageError(`${path} already exists; choose another --out.`) : error;
    });
    progress.finish();
    await recordAudit(
      {
        actor,
        role: "system",
        action: "evidence.export",
        target: request.scanId,
        detail: { ...request, trigger: "cli", path, manifestSha256: result.manifestSha256 },
      },
      now,
    );
    const summary = exportSummary(path, request, result);
    ctx.stdout.write(flags.format === "json" ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary));
    return EXIT.ok;
  } catch (error) {
    progress.finish();
    throw cliError(error);
  } finally {
    await rm(part, { force: true });
  }
}

/** What the command prints: as JSON with --format json, as lines otherwise. */
function exportSummary(path: string, request: ExportRequest, result: Awaited<ReturnType<typeof buildEvidenceBundle>>) {
  return {
    path,
    scanId: request.scanId,
    framework: request.framework,
    scope: result.manifest.scope,
    // The manifest lists the content files; manifest.json, manifest.sig and public-key.pem come on top.
    files: result.manifest.files.length + BUNDLE_META_FILES.length,
    manifestSha256: result.manifestSha256,
    previousManifestSha256: result.previousManifestSha256,
    keyId: result.manifest.keyId,
  };
}

function formatSummary(s: ReturnType<typeof exportSummary>): string {
  return [
    `Wrote ${s.path}`,
    `  scan ${s.scanId}, framework ${s.framework}, ${s.scope.accounts.length} accounts, ${s.scope.regions.length} regions, ${s.files} files`,
    `  manifest SHA-256   ${s.manifestSha256}`,
    `  previous manifest  ${s.previousManifestSha256 ?? "none (first export)"}`,
    `  signing key id     ${s.keyId}`,
    `Verify with: npm run strata -- verify ${s.path}`,
    "",
  ].join("\n");
}
