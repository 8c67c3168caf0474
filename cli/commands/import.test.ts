import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { bedrockKey, jsonl, records, writeFile, writeGz } from "@/server/logs/import/testing";
import { getDb } from "@/server/db";
import { SqliteLogStore } from "@/server/logs/store/sqlite";
import { FakeAws } from "@/server/sources/aws/testing/fake-aws";
import { EXIT } from "../errors";
import { runCli } from "../router";
import { captureOutput, testContext } from "../testing";
import type { ImportReport } from "./import-report";

// env() is read once, on first use, after these stubs: the default store and quarantine live here.
const dataDir = mkdtempSync(join(tmpdir(), "strata-cli-import-"));
beforeAll(() => {
  vi.stubEnv("STRATA_DATA_DIR", dataDir);
  vi.stubEnv("DATABASE_URL", "");
});
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

let n = 0;
/** A fresh folder of Bedrock-layout files per test, and the db the test names. */
function setup() {
  const dir = join(dataDir, `case-${++n}`);
  writeGz(join(dir, "logs", bedrockKey(18, "20250109T180000Z_01.json.gz")), records(`r${n}a`, 3));
  writeGz(join(dir, "logs", bedrockKey(19, "20250109T190000Z_02.json.gz")), records(`r${n}b`, 2));
  return { logs: join(dir, "logs"), db: join(dir, "logs.db"), dir };
}

async function cli(argv: string[], overrides: Parameters<typeof testContext>[0] = {}) {
  const ctx = testContext(overrides);
  const code = await runCli(["import", ...argv], ctx);
  return { code, stdout: ctx.stdout.text(), stderr: ctx.stderr.text() };
}

function countIn(db: string): Promise<number> {
  const store = new SqliteLogStore(db);
  return store.count({ from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" }).finally(() => store.close());
}

describe("import --help and usage errors", () => {
  it("documents the source, the flags and the exit codes", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Usage: npm run strata -- import <source> \[flags\]/);
    for (const text of [
      "<source>  A folder, a file, or s3://",
      "--db <file>",
      "--quarantine <file>",
      "--batch <n>",
      "--format <table|json>",
    ])
      expect(stdout).toContain(text);
    expect(stdout).toMatch(/^ {2}65 {3}some input could not be read/m);
    expect(stdout).toContain("s3:ListBucket");
  });

  it.each([
    [[], /"import" takes one <source>; it is missing/],
    [["a", "b"], /it was given 2 times \(a, b\)/],
    [["a", "--batch", "0"], /Invalid --batch "0": must be at least 1/],
    [["a", "--batch", "ten"], /Invalid --batch "ten": must be a whole number/],
    [["a", "--format", "xml"], /Invalid --format "xml"/],
    [["a", "--bogus", "1"], /Unknown flag --bogus/],
    [["s3://Not_A_Bucket/x"], /Malformed S3 URL/],
  ])("exits 2 for %j", async (argv, message) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('Run "npm run strata -- import --help" for usage.');
  });

  it("exits 2 naming a source that does not exist or holds no log files", async () => {
    const missing = await cli([join(dataDir, "nowhere")]);
    expect(missing.code).toBe(EXIT.usage);
    expect(missing.stderr).toContain("nowhere: no such file or folder");
    const notes = join(dataDir, "only-notes");
    writeFile(join(notes, "notes.txt"), "x");
    const empty = await cli([notes, "--db", join(dataDir, "notes.db")]);
    expect(empty.code).toBe(EXIT.usage);
    expect(empty.stderr).toMatch(/only-notes holds no log files .+; 1 other file was ignored\./);
  });
});

describe("import of a folder", () => {
  it("prints the summary as JSON, stores the records, and adds nothing the second time", async () => {
    const { logs, db } = setup();
    const first = await cli([logs, "--db", db, "--format", "json"]);
    expect(first.code).toBe(EXIT.ok);
    const report = JSON.parse(first.stdout) as ImportReport;
    expect(report).toMatchObject({ db, source: logs, files: 2, records: 5, inserted: 5, skipped: 0, failedFiles: [] });
    expect(await countIn(db)).toBe(5);

    const second = JSON.parse((await cli(["--format=json", logs, "--db", db])).stdout) as ImportReport;
    expect(second).toMatchObject({ records: 5, inserted: 0, skipped: 5 });
    expect(await countIn(db)).toBe(5);

    // Each run is in the dashboard's audit log, as a CLI scan is.
    const audit = await (
      await getDb()
    )
      .selectFrom("audit_events")
      .selectAll()
      .where("action", "=", "logs.import")
      .where("target", "=", logs)
      .orderBy("at")
      .execute();
    expect(audit.map((e) => [e.actor, e.role])).toEqual([
      ["cli:tester", "system"],
      ["cli:tester", "system"],
    ]);
    expect(audit.map((e) => JSON.parse(e.detail_json) as unknown)).toEqual([
      expect.objectContaining({ db, files: 2, inserted: 5, skipped: 0 }),
      expect.objectContaining({ db, inserted: 0, skipped: 5 }),
    ]);
  });

  it("writes to <STRATA_DATA_DIR>/logs.db by default and prints a table", async () => {
    const { logs } = setup();
    const { code, stdout } = await cli([logs]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toMatch(/^Import finished\n/);
    expect(stdout).toContain(`Store      ${join(dataDir, "logs.db")}`);
    expect(stdout).toMatch(/Records +5: 5 new, 0 already stored/);
    expect(await countIn(join(dataDir, "logs.db"))).toBeGreaterThanOrEqual(5);
  });

  it("shows files, records and records/s on a terminal's stderr, and clears the bar", async () => {
    const { logs, db } = setup();
    const stderr = captureOutput({ columns: 200 });
    let clock = 0;
    // Each reading of the clock moves it on, so every update is past the redraw interval.
    await cli([logs, "--db", db], { stderr, now: () => new Date((clock += 1_000)) });
    expect(stderr.text()).toMatch(/\] \d\/2 files, \d+ records? \([\d,]+\/s\)/);
    expect(stderr.text().endsWith("\r\x1b[2K")).toBe(true);
  });

  it("warns about quarantined lines but exits 0, with the quarantine under STRATA_DATA_DIR", async () => {
    const { logs, db } = setup();
    writeFile(join(logs, "extra.jsonl"), jsonl([...records("bad", 1), "{oops"]));
    const { code, stdout, stderr } = await cli([logs, "--db", db, "--format", "json"], {
      now: () => new Date("2025-03-04T05:06:07.890Z"),
    });
    expect(code).toBe(EXIT.ok);
    const expected = join(dataDir, "quarantine", "import-20250304T050607Z.jsonl");
    expect(JSON.parse(stdout)).toMatchObject({ malformed: 1, quarantinePath: expected });
    expect(stderr).toContain(`warning: 1 malformed lines were quarantined in ${expected}`);
    expect(JSON.parse(readFileSync(expected, "utf8"))).toMatchObject({ line: 2, source: join(logs, "extra.jsonl") });
  });

  it("exits 65 when a file could not be read, listing it, after importing the others", async () => {
    const { logs, db, dir } = setup();
    const full = gzipSync(jsonl(records("cut", 50)));
    writeFile(join(logs, "cut.json.gz"), full.subarray(0, full.length - 20));
    const quarantine = join(dir, "q.jsonl");
    const { code, stdout, stderr } = await cli([logs, "--db", db, "--quarantine", quarantine]);
    expect(code).toBe(EXIT.dataErr);
    expect(stdout).toContain("Failed files (re-run the import once fixed");
    expect(stdout).toMatch(/cut\.json\.gz +truncated gzip data/);
    expect(stderr).toContain("1 of 3 files could not be read to their end");
    expect(await countIn(db)).toBeGreaterThanOrEqual(5);
    // Nothing malformed, so no quarantine file.
    expect(existsSync(quarantine)).toBe(false);
  });

  it("exits 130 when interrupted, saying that a re-run continues", async () => {
    const { logs, db } = setup();
    const controller = new AbortController();
    controller.abort();
    const { code, stdout, stderr } = await cli([logs, "--db", db], { signal: controller.signal });
    expect(code).toBe(EXIT.interrupted);
    expect(stdout).toMatch(/^Import interrupted/);
    expect(stderr).toContain("Run the same import again to continue");
  });
});

describe("import from S3", () => {
  let fake: FakeAws;
  afterEach(async () => {
    await fake.stop();
  });

  async function startS3(deny: boolean) {
    fake = new FakeAws()
      .rest("s3", "ListObjectsV2", "GET /{Bucket}?list-type", () => {
        const key = bedrockKey(18, "20250109T180000Z_01.json.gz");
        return `<ListBucketResult><Name>b</Name><IsTruncated>false</IsTruncated><Contents><Key>${key}</Key><Size>1</Size></Contents></ListBucketResult>`;
      })
      .rest("s3", "GetObject", "GET /{Bucket}/{Key+}", () => gzipSync(jsonl(records("s3", 4))));
    if (deny) fake.fault("s3", "ListObjectsV2", "denied");
    // The command builds its own client, as a scan does, from the environment.
    vi.stubEnv("AWS_ENDPOINT_URL", await fake.start());
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFAKE");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "fake");
    vi.stubEnv("AWS_REGION", "eu-west-1");
  }

  it("imports s3://bucket/prefix with the default client built from the environment", async () => {
    await startS3(false);
    const { db } = setup();
    const { code, stdout } = await cli(["s3://acme-logs/AWSLogs/", "--db", db, "--format", "json"]);
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toMatchObject({ files: 1, records: 4, inserted: 4 });
    expect(fake.callCount("s3", "GetObject")).toBe(1);
  });

  it("exits 70 naming the bucket and s3:ListBucket when access is denied", async () => {
    await startS3(true);
    const { db } = setup();
    const { code, stderr } = await cli(["s3://acme-logs/AWSLogs/", "--db", db]);
    expect(code).toBe(EXIT.software);
    expect(stderr).toMatch(
      /^strata: Access denied listing s3:\/\/acme-logs\/AWSLogs\/ .+ s3:ListBucket on arn:aws:s3:::acme-logs/,
    );
  });
});
