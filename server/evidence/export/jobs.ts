import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { EXPORT_BUILD_PHASES, type ExportJob, type ExportRequest } from "@/lib/schemas/evidence";
import { recordAudit } from "@/server/audit/record";
import { env } from "@/server/config/env";
import type { Database } from "@/server/db";
import { ConflictError, NotFoundError } from "@/server/http/errors";
import { dbChainStore } from "../chain-store";
import { loadSigningKey } from "../keys";
import { buildEvidenceBundle, exportBasis } from "./build";
import { exportFileName } from "./file-name";
import { GENERATOR } from "./generator";

/** A finished bundle stays downloadable this long; then its file is deleted. */
const KEEP_MS = 60 * 60 * 1000;

type Job = ExportJob & { path: string };
type Registry = { jobs: Map<string, Job>; queue: Promise<void> };

// On globalThis so a dev hot reload keeps the jobs (and their files) it already knows.
const holder = globalThis as typeof globalThis & { __strataExports?: Registry };
const registry = (holder.__strataExports ??= { jobs: new Map(), queue: Promise.resolve() });

const exportsDir = () => join(env().STRATA_DATA_DIR, "exports");

export const appSigningKey = () =>
  loadSigningKey({ configuredPem: env().STRATA_EVIDENCE_SIGNING_KEY, dataDir: env().STRATA_DATA_DIR });

const publicJob = ({ path: _path, ...job }: Job): ExportJob => job;

type Actor = { actor: string; role: string };

/**
 * Checks the request (unknown scan, running scan, scope outside the scan: a typed error now, not a failed job
 * later), records the export in the audit log and queues the build. Builds run one at a time in this process:
 * each links to the previous bundle's manifest, so two at once would race for the same chain tip.
 */
export async function startExport(db: Kysely<Database>, request: ExportRequest, who: Actor): Promise<ExportJob> {
  const basis = await exportBasis(db, request);
  await pruneExports();
  const now = new Date();
  const id = randomUUID();
  const job: Job = {
    id,
    state: "building",
    phase: "queued",
    step: 0,
    steps: EXPORT_BUILD_PHASES.length,
    bytes: 0,
    request,
    createdBy: who.actor,
    createdAt: now.toISOString(),
    finishedAt: null,
    fileName: exportFileName(request, now),
    manifestSha256: null,
    previousManifestSha256: null,
    error: null,
    path: join(exportsDir(), `${id}.zip`),
  };
  await recordAudit({ ...who, action: "evidence.export", target: request.scanId, detail: { exportId: id, ...request } }, now);
  registry.jobs.set(id, job);
  registry.queue = registry.queue.then(() => build(db, job, who, basis));
  return publicJob(job);
}

async function build(db: Kysely<Database>, job: Job, who: Actor, basis: Awaited<ReturnType<typeof exportBasis>>) {
  const part = `${job.path}.part`;
  try {
    await mkdir(exportsDir(), { recursive: true, mode: 0o700 });
    const out = createWriteStream(part, { mode: 0o600 });
    const result = await buildEvidenceBundle(
      {
        db,
        request: job.request,
        basis,
        key: await appSigningKey(),
        chain: dbChainStore(db, { scanId: job.request.scanId, framework: job.request.framework, createdBy: who.actor }),
        generator: GENERATOR,
        now: new Date(job.createdAt),
        onProgress: (p) => Object.assign(job, { phase: p.phase, step: p.step, bytes: out.bytesWritten }),
      },
      out,
    );
    await rename(part, job.path);
    Object.assign(job, {
      state: "ready",
      phase: "done",
      step: job.steps,
      bytes: (await stat(job.path)).size,
      manifestSha256: result.manifestSha256,
      previousManifestSha256: result.previousManifestSha256,
      finishedAt: new Date().toISOString(),
    } satisfies Partial<Job>);
  } catch (error) {
    await rm(part, { force: true });
    Object.assign(job, {
      state: "failed",
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date().toISOString(),
    } satisfies Partial<Job>);
  }
  await recordAudit({
    ...who,
    action: "evidence.export.finish",
    target: job.request.scanId,
    detail: { exportId: job.id, state: job.state, manifestSha256: job.manifestSha256, bytes: job.bytes, error: job.error },
  }).catch(() => undefined);
}

export function getExport(id: string): ExportJob {
  const job = registry.jobs.get(id);
  // A restart or another instance behind the load balancer does not know the job: say so rather than "failed".
  if (!job) throw new NotFoundError(`Export ${id} (exports are kept on the instance that built them for an hour)`);
  return publicJob(job);
}

/** The finished bundle's file, for the download route. */
export function exportFile(id: string): { path: string; fileName: string; bytes: number } {
  const job = registry.jobs.get(id);
  if (!job) throw new NotFoundError(`Export ${id}`);
  if (job.state === "building") throw new ConflictError(`Export ${id} is still being built (${job.phase}).`);
  if (job.state === "failed") throw new ConflictError(`Export ${id} failed: ${job.error ?? "unknown error"}`);
  return { path: job.path, fileName: job.fileName, bytes: job.bytes };
}

/**
 * Forgets finished jobs older than KEEP_MS and deletes their bundles, and bundle files no job here knows once they
 * are as old (left by a restart). Age, not ownership, decides for those: another instance sharing the data folder
 * may be writing one right now.
 */
async function pruneExports(now = Date.now()): Promise<void> {
  for (const [id, job] of registry.jobs) {
    if (job.finishedAt && now - Date.parse(job.finishedAt) > KEEP_MS) {
      registry.jobs.delete(id);
      await rm(job.path, { force: true });
    }
  }
  const names = await readdir(exportsDir()).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(exportsDir(), name);
    const id = name.replace(/\.zip(\.part)?$/, "");
    if (registry.jobs.has(id)) continue;
    const modified = await stat(path).then(
      (s) => s.mtimeMs,
      () => null,
    );
    if (modified !== null && now - modified > KEEP_MS) await rm(path, { force: true });
  }
}
