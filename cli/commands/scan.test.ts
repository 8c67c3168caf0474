import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GLOBAL_REGION, SEVERITIES, type Severity } from "@/lib/constants/finding";
import { getDb } from "@/server/db";
import { admitScan } from "@/server/scans/admission";
import { failScan, getScan } from "@/server/scans/repository";
import { EXIT } from "../errors";
import { runCli } from "../router";
import { captureOutput, testContext } from "../testing";
import type { ScanReport } from "./scan-report";

// A real demo scan into a SQLite file of its own; env() is read on first use, after these stubs.
const dataDir = mkdtempSync(join(tmpdir(), "strata-cli-"));
beforeAll(() => {
  vi.stubEnv("STRATA_DATA_DIR", dataDir);
  vi.stubEnv("STRATA_DEMO_COLLECT_DELAY_MS", "0");
  vi.stubEnv("STRATA_SOURCE", "demo");
  vi.stubEnv("DATABASE_URL", "");
});
afterAll(async () => {
  await (await getDb()).destroy();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

async function scan(argv: string[], overrides: Parameters<typeof testContext>[0] = {}) {
  const ctx = testContext({ db: getDb, ...overrides });
  const code = await runCli(["scan", ...argv], ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

async function storedFindings(scanId: string) {
  const db = await getDb();
  return db
    .selectFrom("findings")
    .select(["id", "check_id", "account_id", "region", "resource_arn", "status", "severity", "message"])
    .where("scan_id", "=", scanId)
    .orderBy("id")
    .execute();
}

const rank = (s: Severity) => SEVERITIES.indexOf(s);
let full: ScanReport;

describe("scan --format json", () => {
  // The first scan also loads (and transforms) the whole engine: slow on a busy machine.
  it("stores a completed scan and prints exactly what was stored, as the only thing on stdout", { timeout: 90_000 }, async () => {
    const stderr = captureOutput({ columns: 80 });
    const { code, stdout } = await scan(["--format", "json"], { stderr });
    expect(code).toBe(EXIT.ok);
    full = JSON.parse(stdout) as ScanReport;

    const stored = await getScan(await getDb(), full.scan.id);
    expect(stored?.status).toBe("completed");
    expect(full.scan).toEqual({ ...stored, errors: undefined });
    expect(full.errors).toEqual(stored?.errors);

    const rows = await storedFindings(full.scan.id);
    expect(rows.length).toBeGreaterThan(0);
    const printed = [...full.findings]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((f) => ({
        id: f.id,
        check_id: f.checkId,
        account_id: f.accountId,
        region: f.region,
        resource_arn: f.resourceArn,
        status: f.status,
        severity: f.severity,
        message: f.message,
      }));
    expect(printed).toEqual(rows);
    // Most severe first, as the findings page sorts by default.
    const ranks = full.findings.map((f) => rank(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    // The bar went to the (terminal) stderr and was cleared before the results.
    expect(stderr.text()).toMatch(/^\r\x1b\[2K\[-+\] 0\/\d+ Listing accounts/);
    expect(stderr.text()).toMatch(/\] (\d+)\/(\d+) Evaluating \d+ checks\r\x1b\[2K$/);
    const [, done, total] = /\] (\d+)\/(\d+) Evaluating/.exec(stderr.text()) ?? [];
    expect(Number(done)).toBe(Number(total) - 1);
  });

  it("records who started it in the audit log, as the dashboard does", async () => {
    const db = await getDb();
    const entry = await db.selectFrom("audit_events").selectAll().where("target", "=", full.scan.id).executeTakeFirst();
    expect(entry).toMatchObject({ actor: "cli:tester", role: "system", action: "scan.start" });
    expect(JSON.parse(entry?.detail_json ?? "{}")).toMatchObject({ source: "demo", trigger: "cli" });
    expect(full.scan.requestedBy).toBe("cli:tester");
  });
});

describe("scan --fail-on", () => {
  it("exits 1 when a finding at the threshold FAILs and 0 when all failures are below it", async () => {
    // The account whose worst failure is least severe, so a stricter threshold exists that it passes.
    const worst = new Map<string, number>();
    for (const f of full.findings) {
      if (f.status === "FAIL") worst.set(f.accountId, Math.min(worst.get(f.accountId) ?? SEVERITIES.length, rank(f.severity)));
    }
    const [account, worstRank] = [...worst].sort((a, b) => b[1] - a[1])[0] ?? [];
    expect(worstRank, "the demo estate needs an account without critical failures").toBeGreaterThan(0);
    const atWorst = SEVERITIES[worstRank ?? 0] as Severity;
    const stricter = SEVERITIES[(worstRank ?? 0) - 1] as Severity;

    const tripped = await scan(["--accounts", account ?? "", "--fail-on", atWorst, "--format", "json"]);
    const report = JSON.parse(tripped.stdout) as ScanReport;
    const failing = report.findings.filter((f) => f.status === "FAIL" && rank(f.severity) <= rank(atWorst));
    expect(failing.length).toBeGreaterThan(0);
    expect(tripped.code).toBe(EXIT.failOn);
    expect(tripped.stderr).toContain(
      `${failing.length} failing finding${failing.length === 1 ? "" : "s"} at or above ${atWorst}`,
    );

    const passed = await scan(["--accounts", account ?? "", "--fail-on", stricter]);
    expect(passed.code).toBe(EXIT.ok);
    expect(passed.stderr).not.toContain("--fail-on");
  });

  it("does not trip without --fail-on, however many findings fail; --regions narrows the scan", async () => {
    const { code, stdout } = await scan(["--regions", "eu-west-1", "--format", "json"]);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(stdout) as ScanReport;
    expect(report.findings.some((f) => f.status === "FAIL")).toBe(true);
    expect(new Set(report.findings.map((f) => f.region))).toEqual(new Set(["eu-west-1", GLOBAL_REGION]));
  });
});

describe("scan --format table", () => {
  it("prints the summary, collection errors per account and service, and every failing finding", async () => {
    const { code, stdout } = await scan([]);
    expect(code).toBe(EXIT.ok);
    const id = /^Scan (\S+) {2}completed/.exec(stdout)?.[1] ?? "";
    const rows = await storedFindings(id);
    const failing = rows.filter((r) => r.status === "FAIL");
    const stored = await getScan(await getDb(), id);

    expect(stdout).toContain(`Score     ${Math.round(stored?.score?.overall.score ?? -1)} (${stored?.score?.overall.grade})`);
    expect(stdout).toContain(`FAIL ${failing.length}`);
    expect(stdout).toContain(`Failing findings (${failing.length}), most severe first:`);
    for (const r of failing) expect(stdout).toContain(r.resource_arn);
    if (stored?.errors.length) expect(stdout).toContain(`Collection errors (${stored.errors.length}), by account and service:`);
    const severities = stdout
      .split("Failing findings")[1]
      ?.split("\n")
      .slice(2)
      .map((l) => l.trim().split(" ")[0])
      .filter(Boolean) as Severity[];
    expect(severities).toHaveLength(failing.length);
    expect(severities.map(rank)).toEqual([...severities.map(rank)].sort((a, b) => a - b));
  });
});

describe("scan refusals", () => {
  it("refuses with exit 75 while another scan is running, naming it", async () => {
    const db = await getDb();
    const other = await admitScan(db, { source: "demo", requestedBy: "someone@example.com", settings: {} });
    try {
      const { code, stderr } = await scan(["--format", "json"]);
      expect(code).toBe(EXIT.busy);
      expect(stderr).toContain(`A scan is already running (${other}, requested by someone@example.com`);
    } finally {
      await failScan(db, other, "test cleanup", new Date().toISOString());
    }
  });

  it("exits 2 for an account the source does not have, without recording a scan", async () => {
    const db = await getDb();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom("scans")
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirst()
        )?.n,
      );
    const before = await count();
    const { code, stderr } = await scan(["--accounts", "999999999999"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("999999999999");
    expect(await count()).toBe(before);
  });

  it("exits 130 when interrupted, and the scan is recorded as failed rather than left running", async () => {
    const controller = new AbortController();
    controller.abort(new Error("Interrupted from the command line (SIGINT)."));
    const { code, stdout, stderr } = await scan(["--format", "json"], { signal: controller.signal });
    expect(code).toBe(EXIT.interrupted);
    const report = JSON.parse(stdout) as ScanReport;
    expect(report.scan).toMatchObject({ status: "failed", error: "Interrupted from the command line (SIGINT)." });
    expect(stderr).toContain(`scan ${report.scan.id} is recorded as failed`);
  });
});
