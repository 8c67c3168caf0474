import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { runDemoScan } from "@/server/scans/testing";
import { EXIT } from "../errors";
import { runCli } from "../router";
import { testContext } from "../testing";

// A SQLite file of its own; env() is read on first use, after these stubs.
const dataDir = mkdtempSync(join(tmpdir(), "strata-cli-export-"));
const outDir = mkdtempSync(join(tmpdir(), "strata-cli-bundles-"));
beforeAll(async () => {
  vi.stubEnv("STRATA_DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
  await runDemoScan(await getDb(), { id: "scan-cli", at: new Date("2026-11-20T10:00:00Z") });
}, 60_000);
afterAll(async () => {
  await (await getDb()).destroy();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
});

async function cli(argv: string[]) {
  const ctx = testContext({ db: getDb, now: () => new Date("2026-11-21T08:00:00Z") });
  const code = await runCli(argv, ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

describe("strata export", () => {
  it("writes a bundle of the latest scan that strata verify accepts, chained to the one before", async () => {
    const first = join(outDir, "first.zip");
    const a = await cli(["export", "--framework", "pci-dss", "--out", first, "--format", "json"]);
    expect(a.stderr).toBe("strata: export 0/8 evaluating\n");
    expect(a.code).toBe(EXIT.ok);
    const summary = JSON.parse(a.stdout) as {
      path: string;
      scanId: string;
      manifestSha256: string;
      previousManifestSha256: null;
    };
    expect(summary).toMatchObject({ path: first, scanId: "scan-cli", previousManifestSha256: null });

    const second = join(outDir, "second.zip");
    const b = await cli(["export", "--scan", "scan-cli", "--regions", "eu-west-1", "--out", second]);
    expect(b.code).toBe(EXIT.ok);
    expect(b.stdout).toContain(`previous manifest  ${summary.manifestSha256}`);

    const verified = await cli(["verify", first, second]);
    expect(verified.stdout).toContain("VALID: 2 bundles and their chain verified.");
    expect(verified.code).toBe(EXIT.ok);

    const audit = await (await getDb()).selectFrom("audit_events").select(["action", "actor"]).execute();
    expect(audit.filter((e) => e.action === "evidence.export")).toHaveLength(2);
    expect(audit[0]?.actor).toBe("cli:tester");
  }, 60_000);

  it("never overwrites a file, leaves no partial file, and names bad options", async () => {
    const taken = join(outDir, "taken.zip");
    writeFileSync(taken, "keep me");
    const r = await cli(["export", "--out", taken]);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain(`${taken} already exists; choose another --out.`);
    expect(readdirSync(outDir).filter((f) => f.endsWith(".part"))).toEqual([]);

    const unknown = await cli(["export", "--scan", "nope", "--out", join(outDir, "nope.zip")]);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain("Scan nope was not found.");
    expect(existsSync(join(outDir, "nope.zip"))).toBe(false);

    const outside = await cli(["export", "--accounts", "999999999999", "--out", join(outDir, "x.zip")]);
    expect(outside.stderr).toContain("has no findings for account 999999999999");
    expect(outside.code).toBe(EXIT.usage);

    const badFramework = await cli(["export", "--framework", "sox"]);
    expect(badFramework.code).toBe(EXIT.usage);
    expect(badFramework.stderr).toContain("must be one of all, soc2");
  }, 60_000);
});
