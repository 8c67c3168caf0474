import "server-only";
import type { Kysely } from "kysely";
import type { ScanError } from "@/lib/schemas/scan";
import type { Check, CheckContext } from "@/server/checks/define-check";
import type { Database } from "@/server/db";
import { parseInventory, type Inventory } from "@/server/inventory";
import { scoreFindings } from "@/server/scoring/score";
import type { InventorySource, ScanTarget } from "@/server/sources/types";
import { collectErrors } from "./collect-errors";
import { evaluateAccountYielding, type EvaluatedFinding } from "./evaluate";
import { mapLimit } from "./map-limit";
import { completeScan, failScan, updateProgress } from "./repository";
import { storeResults } from "./store-results";
import { unavailableInventory } from "@/server/inventory/unavailable";

export type ScanDeps = {
  db: Kysely<Database>;
  source: InventorySource;
  checks: readonly Check[];
  context: CheckContext;
  concurrency: number;
  now?: () => Date;
  signal?: AbortSignal;
  /** Called with each progress update, so a caller that does not poll the database (the CLI) can show it. */
  onProgress?: (p: ScanProgress) => void;
};

type ScanProgress = { done: number; total: number; label: string };

type Job = { target: ScanTarget; region: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function collectOne(deps: ScanDeps, job: Job, errors: ScanError[], now: string): Promise<Inventory> {
  try {
    const raw = await deps.source.collect(job.target, job.region, deps.signal);
    const { inventory, invalidParts } = parseInventory(raw);
    for (const part of invalidParts) {
      errors.push({ accountId: job.target.accountId, region: job.region, part, reason: "collected data failed validation" });
    }
    errors.push(...collectErrors(inventory).filter((e) => !invalidParts.includes(e.part)));
    return inventory;
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    const reason = `Collection failed: ${message(error)}`;
    errors.push({ accountId: job.target.accountId, region: job.region, part: "*", reason });
    return unavailableInventory(job.target, job.region, reason, now);
  }
}

/**
 * Collects every account × region with bounded concurrency, evaluates the checks, scores and
 * stores the scan. One failing account or region never aborts the scan: it becomes ERROR findings.
 */
export async function runScan(deps: ScanDeps, scanId: string): Promise<void> {
  const clock = deps.now ?? (() => new Date());
  const iso = () => clock().toISOString();
  try {
    const targets = await deps.source.listTargets(deps.signal);
    const jobs: Job[] = targets.flatMap((target) => target.regions.map((region) => ({ target, region })));
    const total = jobs.length + 1;
    let done = 0;
    const progress = async (label: string, status?: "running") => {
      // Reported before the awaited write, so concurrent workers cannot reorder what the caller sees.
      deps.onProgress?.({ done, total, label });
      await updateProgress(deps.db, scanId, { done, total, label, now: iso(), status });
    };
    await progress("Listing accounts", "running");

    // Problems met while resolving targets (e.g. region discovery denied) belong to the scan's record too.
    const errors: ScanError[] = targets.flatMap((t) =>
      (t.problems ?? []).map((p) => ({
        accountId: t.accountId,
        region: "global",
        part: "targets",
        reason: p.reason,
        ...(p.action ? { action: p.action } : {}),
      })),
    );
    const inventories = await mapLimit(jobs, deps.concurrency, async (job) => {
      const inventory = await collectOne(deps, job, errors, iso());
      done += 1;
      await progress(`Collected ${job.target.accountName} / ${job.region}`);
      return inventory;
    });

    await progress(`Evaluating ${deps.checks.length} checks`);
    const findings: EvaluatedFinding[] = [];
    for (const target of targets) {
      const own = inventories.filter((inv, i) => jobs[i]?.target === target);
      findings.push(...(await evaluateAccountYielding(deps.checks, own, deps.context)));
    }
    const score = scoreFindings(findings);
    await deps.db.transaction().execute(async (trx) => {
      await storeResults(trx, scanId, findings, inventories);
    });
    await completeScan(deps.db, scanId, { score, errors, now: iso(), total });
  } catch (error) {
    await failScan(deps.db, scanId, message(error), iso());
  } finally {
    deps.source.dispose?.();
  }
}
