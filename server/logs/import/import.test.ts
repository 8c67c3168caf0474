import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { finished } from "node:stream/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { InvocationRecord } from "../record";
import { SqliteLogStore } from "../store/sqlite";
import { ImportError, importLogs, type ImportProgress } from "./import";
import { bedrockKey, jsonl, records, writeFile, writeGz } from "./testing";

let dir: string;
let store: SqliteLogStore;
let quarantinePath: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "strata-import-"));
  store = new SqliteLogStore(":memory:");
  quarantinePath = join(dir, "out", "quarantine.jsonl");
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

// Every record in ./testing is on 2025-01-09.
const stored = () => store.count({ from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" });

async function expectImportError(promise: Promise<unknown>, kind: ImportError["kind"], message: RegExp) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  expect((error as ImportError).kind).toBe(kind);
  expect((error as ImportError).message).toMatch(message);
}

describe("importLogs from a folder in Bedrock's layout", () => {
  function layout(root: string) {
    writeGz(join(root, bedrockKey(19, "20250109T190000Z_bb.json.gz")), records("b", 3));
    writeGz(join(root, bedrockKey(18, "20250109T180500Z_aa.json.gz")), records("a", 4));
    writeGz(join(root, bedrockKey(18, "20250109T185900Z_ab.json.gz", "123456789012", "eu-west-1")), records("c", 2));
    writeFile(join(root, "AWSLogs/123456789012/BedrockModelInvocationLogs/amazon-bedrock-logs-permission-check"), "");
    // An offloaded body is JSON too, but not a record: it must not fill the quarantine.
    writeGz(join(root, bedrockKey(18, "data/a-000001_input.json.gz")), [{ messages: [] }]);
    writeFile(join(root, "README.txt"), "not logs");
  }

  it("imports every batch file in sorted path order and skips the rest, counting it", async () => {
    layout(dir);
    const seen: ImportProgress[] = [];
    const summary = await importLogs({ source: dir, store, quarantinePath, onProgress: (p) => seen.push(p) });

    expect(summary).toMatchObject({ files: 3, ignoredFiles: 3, records: 9, inserted: 9, skipped: 0, malformed: 0 });
    expect(summary).toMatchObject({ failedFiles: [], quarantinePath: null, aborted: false });
    expect(await stored()).toBe(9);
    expect(await store.get("c-000001")).toMatchObject({ id: "c-000001", operation: "InvokeModel" });
    const order = [...new Set(seen.map((p) => p.currentFile).filter((f) => f !== null))];
    expect(order.map((f) => f.slice(dir.length + 1))).toEqual([
      bedrockKey(18, "20250109T185900Z_ab.json.gz", "123456789012", "eu-west-1"),
      bedrockKey(18, "20250109T180500Z_aa.json.gz"),
      bedrockKey(19, "20250109T190000Z_bb.json.gz"),
    ]);
    expect(seen.every((p) => p.filesTotal === 3)).toBe(true);
    expect(seen.at(-1)).toMatchObject({ files: 3, records: 9, inserted: 9, currentFile: null });
    expect(summary.bytes).toBeGreaterThan(0);
    // Nothing was quarantined, so no file was created.
    expect(existsSync(quarantinePath)).toBe(false);
  });

  it("recognises offloaded bodies when the folder given is an hour partition", async () => {
    layout(dir);
    const hour = join(dir, bedrockKey(18, ""));
    expect(await importLogs({ source: hour, store, quarantinePath })).toMatchObject({ files: 1, ignoredFiles: 1, malformed: 0 });
  });

  it("is idempotent: importing the same files again inserts nothing and says so", async () => {
    layout(dir);
    await importLogs({ source: dir, store, quarantinePath });
    const again = await importLogs({ source: dir, store, quarantinePath });
    expect(again).toMatchObject({ files: 3, records: 9, inserted: 0, skipped: 9 });
    expect(await stored()).toBe(9);
  });

  it("inserts in batches of batchSize that span files", async () => {
    layout(dir);
    const sizes: number[] = [];
    const spy = Object.assign(Object.create(store) as SqliteLogStore, {
      insert: (batch: InvocationRecord[]) => {
        sizes.push(batch.length);
        return store.insert(batch);
      },
    });
    await importLogs({ source: dir, store: spy, quarantinePath, batchSize: 2 });
    expect(sizes).toEqual([2, 2, 2, 2, 1]);
  });

  it("reads a single file, plain .json or .jsonl as well as gzip", async () => {
    const file = join(dir, "one.jsonl");
    writeFileSync(file, jsonl(records("p", 5)));
    expect(await importLogs({ source: file, store, quarantinePath })).toMatchObject({ files: 1, records: 5, inserted: 5 });
    // Gzip is recognised by its magic number, not only by the name.
    const disguised = join(dir, "really-gzip.json");
    writeFileSync(disguised, gzipSync(jsonl(records("g", 2))));
    expect(await importLogs({ source: disguised, store, quarantinePath })).toMatchObject({ records: 2, inserted: 2 });
  });
});

describe("importLogs with bad input", () => {
  it("quarantines malformed lines with their file and line number and imports the rest", async () => {
    const file = join(dir, "mixed.json.gz");
    const [first, second] = records("m", 2);
    writeGz(file, [first ?? {}, "{not json", { schemaType: "Other" }, "", second ?? {}]);
    const summary = await importLogs({ source: file, store, quarantinePath });
    expect(summary).toMatchObject({ records: 2, inserted: 2, malformed: 2, quarantinePath, failedFiles: [] });
    const rows = readFileSync(quarantinePath, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      { line: 2, reason: expect.stringContaining("invalid JSON"), text: "{not json", source: file },
      { line: 3, reason: expect.stringContaining("schemaType"), text: '{"schemaType":"Other"}', source: file },
    ]);
  });

  it("records a truncated gzip file in failedFiles, keeps its records so far, and goes on", async () => {
    writeGz(join(dir, "a.json.gz"), records("a", 3));
    const full = gzipSync(jsonl(records("t", 400)));
    writeFile(join(dir, "b.json.gz"), full.subarray(0, Math.floor(full.length * 0.6)));
    writeFile(join(dir, "c.json.gz"), Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not really gzip")]));
    writeGz(join(dir, "d.json.gz"), records("d", 2));

    const summary = await importLogs({ source: dir, store, quarantinePath });
    expect(summary.files).toBe(4);
    expect(summary.failedFiles).toEqual([
      { file: join(dir, "b.json.gz"), reason: expect.stringMatching(/^truncated gzip data \(.+\) after line \d+; the records/) },
      { file: join(dir, "c.json.gz"), reason: expect.stringMatching(/^corrupt gzip data/) },
    ]);
    const truncated = summary.records - 5;
    expect(truncated).toBeGreaterThan(0);
    expect(truncated).toBeLessThan(400);
    expect(await stored()).toBe(summary.records);
    // The cut-off last line is part of the failure, not a malformed record.
    expect(summary.malformed).toBe(0);
  });

  it("records a file that cannot be opened (a dangling symlink) in failedFiles", async () => {
    writeGz(join(dir, "ok.json.gz"), records("o", 1));
    symlinkSync(join(dir, "moved-away.json.gz"), join(dir, "gone.json.gz"));
    const summary = await importLogs({ source: dir, store, quarantinePath });
    expect(summary.failedFiles).toEqual([{ file: join(dir, "gone.json.gz"), reason: expect.stringContaining("ENOENT") }]);
    expect(summary).toMatchObject({ files: 2, inserted: 1 });
  });

  // root reads files whatever their mode.
  it.skipIf(process.getuid?.() === 0)("records an unreadable file in failedFiles", async () => {
    writeGz(join(dir, "ok.json.gz"), records("o", 1));
    const locked = join(dir, "locked.json.gz");
    writeGz(locked, records("l", 1));
    chmodSync(locked, 0o000);
    const summary = await importLogs({ source: dir, store, quarantinePath });
    expect(summary.failedFiles).toEqual([{ file: locked, reason: expect.stringContaining("EACCES") }]);
    expect(summary.inserted).toBe(1);
  });

  it("names the problem when the source is missing, empty or holds no log files", async () => {
    await expectImportError(
      importLogs({ source: join(dir, "nope"), store, quarantinePath }),
      "source",
      /nope: no such file or folder/,
    );
    mkdirSync(join(dir, "empty"));
    await expectImportError(
      importLogs({ source: join(dir, "empty"), store, quarantinePath }),
      "source",
      /holds no log files.*it is empty/,
    );
    writeFile(join(dir, "other", "notes.txt"), "x");
    writeFile(join(dir, "other", "amazon-bedrock-logs-permission-check"), "");
    await expectImportError(
      importLogs({ source: join(dir, "other"), store, quarantinePath }),
      "source",
      /holds no log files \(\.json\.gz, \.json or \.jsonl\); 2 other files were ignored/,
    );
  });
});

describe("importLogs stopping", () => {
  it("stops promptly when aborted, stores what it read, and reports how far it got", async () => {
    for (let i = 0; i < 5; i++) writeGz(join(dir, `f${i}.json.gz`), records(`f${i}`, 30));
    const controller = new AbortController();
    const summary = await importLogs({
      source: dir,
      store,
      quarantinePath,
      batchSize: 10,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.inserted >= 40) controller.abort();
      },
    });
    expect(summary.aborted).toBe(true);
    expect(summary.records).toBeLessThan(150);
    expect(summary.records).toBeLessThanOrEqual(40 + 10);
    expect(summary.inserted).toBe(summary.records);
    expect(await stored()).toBe(summary.records);
    expect(summary.files).toBe(1);
  });

  it("is not marked aborted when the signal fires after the last file", async () => {
    writeGz(join(dir, "only.json.gz"), records("o", 3));
    const controller = new AbortController();
    const summary = await importLogs({ source: dir, store, quarantinePath, signal: controller.signal });
    controller.abort();
    expect(summary).toMatchObject({ aborted: false, files: 1, inserted: 3 });
  });
});

describe("importLogs streaming", () => {
  // A named pipe is a file that only exists as it is written: if the import read whole files before
  // parsing, no batch could be stored before the writer finished.
  it.skipIf(process.platform === "win32")(
    "stores the first batches of a file while the file is still being written",
    async () => {
      const fifo = join(dir, "live.jsonl");
      execFileSync("mkfifo", [fifo]);
      const lines = records("s", 6_000).map((r) => `${JSON.stringify(r)}\n`);
      let written = 0;
      let writtenAtFirstInsert: number | undefined;
      const spy = Object.assign(Object.create(store) as SqliteLogStore, {
        insert: (batch: InvocationRecord[]) => {
          writtenAtFirstInsert ??= written;
          return store.insert(batch);
        },
      });
      const writer = (async () => {
        const out = createWriteStream(fifo);
        for (const line of lines) {
          if (!out.write(line)) await once(out, "drain");
          written++;
        }
        out.end();
        await finished(out);
      })();
      const summary = await importLogs({ source: fifo, store: spy, quarantinePath, batchSize: 200 });
      await writer;
      expect(summary).toMatchObject({ records: 6_000, inserted: 6_000, failedFiles: [] });
      expect(writtenAtFirstInsert).toBeGreaterThanOrEqual(200);
      expect(writtenAtFirstInsert).toBeLessThan(3_000);
    },
  );
});
