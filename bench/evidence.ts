// `npm run bench:evidence [-- --runs 5]`: builds the evidence bundle for the whole demo estate and every
// framework (issue 6 target: under 5 s) and verifies it (target: under 1 s), each against a baseline measured in
// the same run on the same data: reading the scan's findings and compressing their JSON (the least a bundle
// of them costs), and hashing plus inflating the finished ZIP (the least a verification costs).
// Run with the CLI's mechanism (node --conditions=react-server --import tsx), so server code loads.
import { mkdtempSync, rmSync } from "node:fs";
import os, { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { PassThrough } from "node:stream";
import { parseArgs } from "node:util";
import { unzipSync, zipSync } from "fflate";
import { createDb, migrateToLatest } from "@/server/db/connect";
import { memoryChainStore, sha256Hex } from "@/server/evidence/manifest";
import { buildEvidenceBundle } from "@/server/evidence/export/build";
import { GENERATOR } from "@/server/evidence/export/generator";
import { loadSigningKey } from "@/server/evidence/keys";
import { verifyBundle } from "@/server/evidence/verify";
import { runDemoScan } from "@/server/scans/testing";

const { values: flags } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(flags.runs);
if (!Number.isInteger(runs) || runs < 1 || runs > 50) throw new Error("--runs must be a whole number from 1 to 50");

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};
const fmt = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "strata-bench-evidence-"));
  const db = createDb({ kind: "sqlite", file: join(dir, "strata.db") });
  try {
    await migrateToLatest(db);
    const scanId = await runDemoScan(db, { id: "bench-scan", at: new Date() });
    const key = await loadSigningKey({ dataDir: dir });
    const findings = await db
      .selectFrom("findings")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();

    const build = async () => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on("data", (c: Buffer) => chunks.push(c));
      await buildEvidenceBundle(
        {
          db,
          request: { scanId, framework: "all", accounts: [], regions: [] },
          key,
          chain: memoryChainStore(),
          generator: GENERATOR,
          now: new Date(),
        },
        out,
      );
      return Buffer.concat(chunks);
    };
    // Baseline: the scan's findings out of the database, as JSON, deflated into a ZIP.
    const baseline = async () => {
      const rows = await db.selectFrom("findings").selectAll().where("scan_id", "=", scanId).execute();
      return zipSync({ "findings.json": Buffer.from(JSON.stringify(rows)) }, { level: 6 });
    };

    await build(); // warm-up: module loading and the first query plans are not the bundle's cost
    const builds: number[] = [];
    const bases: number[] = [];
    const verifies: number[] = [];
    const verifyBases: number[] = [];
    let zip = Buffer.alloc(0);
    for (let i = 0; i < runs; i += 1) {
      bases.push((await time(baseline)).ms);
      const built = await time(build);
      builds.push(built.ms);
      zip = built.value;
      const verified = await time(() => verifyBundle(zip));
      if (!verified.value.ok)
        throw new Error(`the bundle did not verify: ${JSON.stringify(verified.value.checks.filter((c) => !c.ok))}`);
      verifies.push(verified.ms);
      verifyBases.push((await time(async () => [sha256Hex(zip), unzipSync(zip)])).ms);
    }

    const entries = Object.keys(unzipSync(zip));
    const b = median(builds);
    const v = median(verifies);
    console.log(
      `bench:evidence — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}`,
    );
    console.log(
      `demo estate: ${findings.n} findings, all 10 frameworks; bundle ${(zip.length / 1e6).toFixed(2)} MB, ${entries.length} files; ${runs} runs, medians`,
    );
    console.log(
      `build bundle     ${fmt(b)}   (min ${fmt(Math.min(...builds))}, max ${fmt(Math.max(...builds))})   target < 5000 ms: ${b < 5000 ? "met" : "MISSED"}`,
    );
    console.log(
      `  baseline       ${fmt(median(bases))}   read findings + JSON + deflate; build = ${(b / median(bases)).toFixed(1)}× baseline`,
    );
    console.log(
      `verify bundle    ${fmt(v)}   (min ${fmt(Math.min(...verifies))}, max ${fmt(Math.max(...verifies))})   target < 1000 ms: ${v < 1000 ? "met" : "MISSED"}`,
    );
    console.log(
      `  baseline       ${fmt(median(verifyBases))}   SHA-256 + inflate of the ZIP; verify = ${(v / median(verifyBases)).toFixed(1)}× baseline`,
    );
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
