import "server-only";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeDemoLogFiles } from "./files";
import { generateDemoRecords } from "./generate";

const END = new Date("2026-11-27T06:00:00Z");
const COUNT = 3_000;
const PER_FILE = 40;
const LAYOUT =
  /^AWSLogs\/(\d{12})\/BedrockModelInvocationLogs\/([a-z]{2}-[a-z]+-\d)\/(\d{4})\/(\d{2})\/(\d{2})\/(\d{2})\/\d{8}T\d{6}Z_[0-9a-f]{12}\.json\.gz$/;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe("writeDemoLogFiles", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "strata-demo-files-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("writes gzip NDJSON in Bedrock's S3 layout, one account × region × hour per file, every record once", async () => {
    const out = join(dir, "a");
    const summary = await writeDemoLogFiles(out, { count: COUNT, end: END, recordsPerFile: PER_FILE });
    const files = await listFiles(out);
    expect(summary).toMatchObject({ records: COUNT, files: files.length });
    const seen = new Map<string, unknown>();
    for (const file of files) {
      const match = LAYOUT.exec(file);
      expect(match, file).not.toBeNull();
      const [, account, region, y, mo, d, h] = match ?? [];
      const text = gunzipSync(await readFile(join(out, file))).toString("utf8");
      expect(text.endsWith("\n")).toBe(true);
      const lines = text.trimEnd().split("\n");
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(PER_FILE);
      for (const line of lines) {
        const record = JSON.parse(line) as { requestId: string; accountId: string; region: string; timestamp: string };
        expect([record.accountId, record.region]).toEqual([account, region]);
        expect(record.timestamp.slice(0, 13)).toBe(`${y}-${mo}-${d}T${h}`);
        seen.set(record.requestId, record);
      }
    }
    const expected = [...generateDemoRecords({ count: COUNT, end: END })];
    expect(seen.size).toBe(COUNT);
    for (const record of expected) expect(seen.get(String(record.requestId))).toEqual(record);
  });

  it("is deterministic: the same arguments give the same file names and contents", async () => {
    const one = join(dir, "b1");
    const two = join(dir, "b2");
    await writeDemoLogFiles(one, { count: 500, end: END, recordsPerFile: 25 });
    await writeDemoLogFiles(two, { count: 500, end: END, recordsPerFile: 25 });
    const files = await listFiles(one);
    expect(await listFiles(two)).toEqual(files);
    for (const file of files.slice(0, 20)) {
      expect(gunzipSync(await readFile(join(two, file)))).toEqual(gunzipSync(await readFile(join(one, file))));
    }
  });

  it("rejects a nonsensical batch size", async () => {
    await expect(writeDemoLogFiles(join(dir, "c"), { count: 10, end: END, recordsPerFile: 0 })).rejects.toThrow(/recordsPerFile/);
  });
});
