import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { EXIT } from "./errors";
import type { ScanReport } from "./commands/scan-report";

// The package.json script end to end: node flags, tsx, the @/ alias, server-only, exit codes through npm.
const dataDir = mkdtempSync(join(tmpdir(), "strata-cli-npm-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function npmRun(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, STRATA_DATA_DIR: dataDir, STRATA_DEMO_COLLECT_DELAY_MS: "0" };
  delete env.DATABASE_URL;
  delete env.STRATA_SOURCE;
  // -s keeps npm's "> strata" banner off stdout, as the help tells JSON users to do.
  return spawnSync("npm", ["run", "-s", "strata", "--", ...args], { cwd: join(__dirname, ".."), env, encoding: "utf8" });
}

describe("npm run strata", () => {
  it("runs a demo scan, stores it in STRATA_DATA_DIR and prints pure JSON", { timeout: 120_000 }, () => {
    const result = npmRun(["scan", "--source", "demo", "--format", "json"]);
    expect(result.stderr).not.toContain("Error");
    expect(result.status).toBe(EXIT.ok);
    const report = JSON.parse(result.stdout) as ScanReport;
    expect(report.scan).toMatchObject({ status: "completed", source: "demo" });

    const db = new SQLite(join(dataDir, "strata.db"), { readonly: true });
    try {
      const row = db.prepare("select count(*) as n from findings where scan_id = ?").get(report.scan.id) as { n: number };
      expect(report.findings).toHaveLength(row.n);
      expect(row.n).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it("passes a usage error's exit code through npm", { timeout: 60_000 }, () => {
    const result = npmRun(["scan", "--format", "xml"]);
    expect(result.status).toBe(EXIT.usage);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('Invalid --format "xml": must be one of table, json.');
  });
});
