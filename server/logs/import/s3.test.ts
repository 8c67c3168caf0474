import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AwsClients } from "@/server/sources/aws/clients";
import { FakeAws, FakeError, page } from "@/server/sources/aws/testing/fake-aws";
import { startClients, stopClients } from "@/server/sources/aws/testing/test-clients";
import { SqliteLogStore } from "../store/sqlite";
import { ImportError, importLogs, type ImportProgress } from "./import";
import { parseS3Url } from "./s3-url";
import { bedrockKey, jsonl, records } from "./testing";

const BUCKET = "acme-bedrock-logs";
const PAGE_SIZE = 2;

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An S3 bucket behind the fake endpoint: ListObjectsV2 pages of PAGE_SIZE keys, GetObject with binary bodies. */
function addBucket(fake: FakeAws, objects: Map<string, Buffer>): FakeAws {
  return fake
    .rest("s3", "ListObjectsV2", "GET /{Bucket}?list-type", (req) => {
      if (req.input.Bucket !== BUCKET) throw new FakeError("NoSuchBucket", "The specified bucket does not exist", 404);
      const prefix = typeof req.input.prefix === "string" ? req.input.prefix : "";
      const keys = [...objects.keys()].filter((k) => k.startsWith(prefix)).sort();
      const { items, next } = page(keys, req.input["continuation-token"], PAGE_SIZE);
      const contents = items.map((k) => `<Contents><Key>${xml(k)}</Key><Size>${objects.get(k)?.length ?? 0}</Size></Contents>`);
      return (
        `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">` +
        `<Name>${BUCKET}</Name><Prefix>${xml(prefix)}</Prefix><KeyCount>${items.length}</KeyCount><MaxKeys>${PAGE_SIZE}</MaxKeys>` +
        `<IsTruncated>${next !== undefined}</IsTruncated>${next ? `<NextContinuationToken>${next}</NextContinuationToken>` : ""}` +
        `${contents.join("")}</ListBucketResult>`
      );
    })
    .rest("s3", "GetObject", "GET /{Bucket}/{Key+}", (req) => {
      const body = objects.get(String(req.input.Key));
      if (body === undefined) throw new FakeError("NoSuchKey", "The specified key does not exist.", 404);
      return body;
    });
}

const gz = (items: object[]) => gzipSync(jsonl(items));

let fake: FakeAws;
let clients: AwsClients;
let store: SqliteLogStore;
let dir: string;
let objects: Map<string, Buffer>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "strata-import-s3-"));
  objects = new Map([
    [bedrockKey(18, "20250109T180000Z_01.json.gz"), gz(records("a", 3))],
    [bedrockKey(18, "20250109T181000Z_02.json.gz"), gz(records("b", 2))],
    [bedrockKey(18, "data/b-000000_input.json.gz"), gz([{ messages: [] }])],
    [bedrockKey(19, "20250109T190000Z_03.json.gz"), gz(records("c", 4))],
    [
      bedrockKey(19, "20250109T191000Z_04.json.gz"),
      Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.from("not gzip after all")]),
    ],
    ["AWSLogs/123456789012/BedrockModelInvocationLogs/amazon-bedrock-logs-permission-check", Buffer.alloc(0)],
  ]);
  fake = addBucket(new FakeAws(), objects);
  clients = await startClients(fake);
  store = new SqliteLogStore(":memory:");
});
afterEach(async () => {
  store.close();
  await stopClients(fake, clients);
  rmSync(dir, { recursive: true, force: true });
});

const quarantinePath = () => join(dir, "q.jsonl");
const run = (source: string, extra: Partial<Parameters<typeof importLogs>[0]> = {}) =>
  importLogs({ source, store, quarantinePath: quarantinePath(), s3Client: clients.s3, ...extra });

async function failure(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe("importLogs from S3", () => {
  it("lists every page under the prefix, streams each log object through gunzip and skips the rest", async () => {
    // More objects than are fetched ahead, so the import starts before the listing is done.
    for (let i = 0; i < 8; i++) objects.set(bedrockKey(20, `20250109T20${i}000Z_1${i}.json.gz`), gz(records(`e${i}`, 1)));
    const seen: ImportProgress[] = [];
    const summary = await run(`s3://${BUCKET}/AWSLogs/123456789012`, { onProgress: (p) => seen.push(p) });
    expect(summary).toMatchObject({ files: 12, ignoredFiles: 2, records: 17, inserted: 17, skipped: 0, malformed: 0 });
    expect(summary.failedFiles).toEqual([
      { file: `s3://${BUCKET}/${bedrockKey(19, "20250109T191000Z_04.json.gz")}`, reason: expect.stringMatching(/^corrupt gzip/) },
    ]);
    expect(fake.callCount("s3", "ListObjectsV2")).toBe(Math.ceil(objects.size / PAGE_SIZE));
    expect(fake.callCount("s3", "GetObject")).toBe(12);
    const files = [...new Set(seen.map((p) => p.currentFile).filter((f) => f !== null))];
    const batches = [...objects.keys()].filter((k) => /Z_\d\d\.json\.gz$/.test(k)).sort();
    expect(files).toEqual(batches.map((k) => `s3://${BUCKET}/${k}`));
    // The total is unknown until the listing has finished, and known by the end.
    expect(seen[0]?.filesTotal).toBeNull();
    expect(seen.at(-1)?.filesTotal).toBe(12);
  });

  it("is idempotent across runs", async () => {
    await run(`s3://${BUCKET}/`);
    expect(await run(`s3://${BUCKET}`)).toMatchObject({ records: 9, inserted: 0, skipped: 9 });
  });

  it("imports one object named by its key, and says so when it does not exist", async () => {
    const key = bedrockKey(19, "20250109T190000Z_03.json.gz");
    expect(await run(`s3://${BUCKET}/${key}`)).toMatchObject({ files: 1, records: 4 });
    const missing = await failure(run(`s3://${BUCKET}/${key.replace("03", "99")}`));
    expect(missing).toMatchObject({ kind: "source", message: expect.stringContaining("no such object") });
  });

  it("streams an object too large to fetch ahead", async () => {
    // Random text barely compresses, so the object is over the 1 MiB fetch-ahead limit.
    const big = records("big", 300).map((r) => ({ ...r, requestMetadata: { pad: randomBytes(6_000).toString("base64") } }));
    objects.set("big/20250109T200000Z_big.json.gz", gz(big));
    expect(objects.get("big/20250109T200000Z_big.json.gz")?.length).toBeGreaterThan(1024 * 1024);
    expect(await run(`s3://${BUCKET}/big/`)).toMatchObject({ files: 1, records: 300, inserted: 300, failedFiles: [] });
  });

  it("names the bucket and s3:ListBucket when listing is denied", async () => {
    fake.fault("s3", "ListObjectsV2", "denied");
    const error = await failure(run(`s3://${BUCKET}/AWSLogs/`));
    expect(error.kind).toBe("access");
    expect(error.message).toContain(`Access denied listing s3://${BUCKET}/AWSLogs/`);
    expect(error.message).toContain(`s3:ListBucket on arn:aws:s3:::${BUCKET}`);
  });

  it("stops with s3:GetObject named when reading is denied, keeping what was stored", async () => {
    fake.fault("s3", "GetObject", "denied", Number.POSITIVE_INFINITY);
    const error = await failure(run(`s3://${BUCKET}/AWSLogs/`));
    expect(error.kind).toBe("access");
    expect(error.message).toMatch(/Access denied reading s3:\/\/acme-bedrock-logs\/AWSLogs\/.+\.json\.gz/);
    expect(error.message).toContain(`s3:GetObject on arn:aws:s3:::${BUCKET}/AWSLogs/*`);
    expect(error.summary).toMatchObject({ files: 0, inserted: 0 });
  });

  it("names a bucket that does not exist, and an empty prefix", async () => {
    const noBucket = await failure(run("s3://no-such-bucket-here/AWSLogs/"));
    expect(noBucket).toMatchObject({ kind: "source", message: expect.stringContaining('"no-such-bucket-here" does not exist') });
    const empty = await failure(run(`s3://${BUCKET}/nothing-here`));
    expect(empty.message).toContain(`s3://${BUCKET}/nothing-here/ holds no log files`);
  });

  it("quarantines malformed lines under the object's s3:// name", async () => {
    const key = "q/20250109T200000Z_q.json.gz";
    objects.set(key, gzipSync(jsonl([...records("q", 1), "{broken"])));
    expect(await run(`s3://${BUCKET}/q/`)).toMatchObject({ records: 1, malformed: 1, quarantinePath: quarantinePath() });
    expect(JSON.parse(readFileSync(quarantinePath(), "utf8"))).toMatchObject({ line: 2, source: `s3://${BUCKET}/${key}` });
  });

  it("stops listing and downloading when aborted", async () => {
    const controller = new AbortController();
    const summary = await run(`s3://${BUCKET}/`, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.files === 1) controller.abort();
      },
    });
    expect(summary).toMatchObject({ aborted: true, files: 1, records: 3, inserted: 3 });
  });
});

describe("parseS3Url", () => {
  it("reads bucket and prefix, treating a prefix as a folder unless it names a log file", () => {
    expect(parseS3Url("s3://b-1")).toEqual({ bucket: "b-1", prefix: "", single: false });
    expect(parseS3Url("s3://b.logs/")).toEqual({ bucket: "b.logs", prefix: "", single: false });
    expect(parseS3Url("s3://b1x/AWSLogs")).toEqual({ bucket: "b1x", prefix: "AWSLogs/", single: false });
    expect(parseS3Url("s3://b1x/a/b.json.gz")).toEqual({ bucket: "b1x", prefix: "a/b.json.gz", single: true });
  });

  it.each(["s3://", "s3:///AWSLogs", "s3://Upper_Case/x", "s3:/b1x/x", "s3://a/x", "s3://bad..dots"])("rejects %s", (url) => {
    expect(() => parseS3Url(url)).toThrow(/Malformed S3 URL.*Expected s3:\/\/bucket\/prefix/);
  });
});
