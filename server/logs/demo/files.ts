import "server-only";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { generateDemoRecords, type DemoRecordOptions } from "./generate";
import { seedOf } from "./random";

const gzipAsync = promisify(gzip);
const HOUR = 3_600_000;
/** Files compressed and written at once: enough to keep libuv's pool busy, few enough to bound memory. */
const IN_FLIGHT = 4;

export type DemoFileOptions = DemoRecordOptions & { recordsPerFile?: number };
export type DemoFileSummary = { files: number; records: number; bytes: number };

type Batch = { account: string; region: string; hour: number; lines: string[]; firstTimestamp: string };

/** `20261127T060512Z_<hex>.json.gz`, the batch naming seen in real buckets (bedrock-formats.md 1.8). */
function fileName(batch: Batch, sequence: number): string {
  const stamp = batch.firstTimestamp.replace(/[-:]/g, "");
  const hex = seedOf(`${batch.account}/${batch.region}/${batch.hour}/${sequence}`).toString(16).padStart(8, "0");
  return `${stamp}_${hex}${(sequence & 0xffff).toString(16).padStart(4, "0")}.json.gz`;
}

/**
 * Writes the generator's records the way Bedrock delivers them to S3:
 * `AWSLogs/<account>/BedrockModelInvocationLogs/<region>/YYYY/MM/DD/HH/<name>.json.gz`, each file
 * gzip-compressed newline-delimited JSON of one account, region and hour (bedrock-formats.md 1.8).
 */
export async function writeDemoLogFiles(dir: string, options: DemoFileOptions): Promise<DemoFileSummary> {
  const perFile = options.recordsPerFile ?? 500;
  if (!Number.isInteger(perFile) || perFile < 1) throw new Error("recordsPerFile must be a whole number of at least 1");
  const open = new Map<string, Batch>();
  const pending = new Set<Promise<void>>();
  const summary: DemoFileSummary = { files: 0, records: 0, bytes: 0 };
  let sequence = 0;
  let failure: unknown;

  const flush = async (key: string, batch: Batch) => {
    open.delete(key);
    const when = new Date(batch.hour * HOUR).toISOString();
    const folder = join(
      dir,
      "AWSLogs",
      batch.account,
      "BedrockModelInvocationLogs",
      batch.region,
      when.slice(0, 4),
      when.slice(5, 7),
      when.slice(8, 10),
      when.slice(11, 13),
    );
    const name = fileName(batch, sequence++);
    const job: Promise<void> = (async () => {
      const data = await gzipAsync(`${batch.lines.join("\n")}\n`);
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, name), data);
      summary.files++;
      summary.bytes += data.length;
    })()
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => pending.delete(job));
    pending.add(job);
    if (pending.size >= IN_FLIGHT) await Promise.race(pending);
    if (failure !== undefined) throw failure;
  };

  for (const record of generateDemoRecords(options)) {
    const timestamp = String(record.timestamp);
    const hour = Math.floor(Date.parse(timestamp) / HOUR);
    const key = `${String(record.accountId)}/${String(record.region)}/${hour}`;
    let batch = open.get(key);
    if (!batch) {
      // Records come oldest first (within an hour's second offsets), so an hour two behind is complete.
      for (const [k, b] of open) if (b.hour < hour - 1) await flush(k, b);
      batch = { account: String(record.accountId), region: String(record.region), hour, lines: [], firstTimestamp: timestamp };
      open.set(key, batch);
    }
    batch.lines.push(JSON.stringify(record));
    summary.records++;
    if (batch.lines.length >= perFile) await flush(key, batch);
  }
  for (const [k, b] of open) await flush(k, b);
  await Promise.all(pending);
  if (failure !== undefined) throw failure;
  return summary;
}
