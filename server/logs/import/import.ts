import "server-only";
import type { InvocationRecord } from "../record";
import { ImportError, messageOf } from "./errors";
import { localSource } from "./local";
import type { LogSource } from "./objects";
import { readObject } from "./read-object";
import { isS3Url, parseS3Url } from "./s3-url";
import { DEFAULT_BATCH_SIZE, type ImportOptions, type ImportSummary } from "./types";

export type { ImportOptions, ImportProgress, ImportSummary } from "./types";
export { ImportError } from "./errors";

/** Storing a batch failed: the store, not a file, is the problem, so the import stops. */
class StoreFailure extends ImportError {}

/** The source behind the option string; the AWS SDK is loaded only for s3:// sources. */
async function openSource(opts: ImportOptions): Promise<{ source: LogSource; dispose: () => void }> {
  if (!isS3Url(opts.source)) return { source: await localSource(opts.source), dispose: () => undefined };
  const location = parseS3Url(opts.source);
  const { s3Source } = await import("./s3");
  if (opts.s3Client) return { source: s3Source(opts.s3Client, location, opts.signal), dispose: () => undefined };
  const { createClients, destroyClients } = await import("@/server/sources/aws/clients");
  // As the scan builds its clients: default credential chain, AWS_ENDPOINT_URL honoured; a bucket in
  // another region is followed by the S3 client itself.
  const clients = createClients({
    region: process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
    signal: opts.signal,
  });
  return { source: s3Source(clients.s3, location, opts.signal), dispose: () => destroyClients(clients) };
}

/**
 * Imports Bedrock invocation-log files (.json.gz as delivered, .json, .jsonl) from a file, a folder
 * or S3 into a store, streamed end to end and inserted in batches. Idempotent: records already
 * stored are counted as skipped. Malformed lines go to the quarantine file; a file that cannot be
 * read to its end goes to failedFiles and the import goes on. Throws ImportError for a bad source
 * or a failure that affects every file; its `summary` says how far the import got.
 */
export async function importLogs(opts: ImportOptions): Promise<ImportSummary> {
  const batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a whole number ≥ 1, not ${batchSize}`);
  const started = performance.now();
  const { signal } = opts;
  const opened = await openSource(opts);
  const { source } = opened;
  const summary = emptySummary(opts.source);
  let currentFile: string | null = null;
  const elapsedMs = () => Math.round(performance.now() - started);
  const finish = () => {
    summary.elapsedMs = elapsedMs();
    summary.ignoredFiles = source.ignored();
    if (summary.malformed > 0) summary.quarantinePath = opts.quarantinePath;
    return summary;
  };
  const emit = () => {
    const { files, bytes, records, inserted, skipped, malformed } = summary;
    const filesTotal = source.total();
    opts.onProgress?.({ files, filesTotal, bytes, records, inserted, skipped, malformed, currentFile, elapsedMs: elapsedMs() });
  };

  const batch: InvocationRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    let result: { inserted: number; skipped: number };
    try {
      result = await opts.store.insert(batch.splice(0));
    } catch (error) {
      throw new StoreFailure("failed", `Storing records failed: ${messageOf(error)}`, { cause: error });
    }
    summary.inserted += result.inserted;
    summary.skipped += result.skipped;
    emit();
  };

  const hooks = {
    quarantinePath: opts.quarantinePath,
    signal,
    onBytes: (n: number) => (summary.bytes += n),
    onMalformed: () => summary.malformed++,
    onFailure: (reason: string) => summary.failedFiles.push({ file: currentFile ?? "", reason }),
  };
  try {
    files: for await (const object of source.objects) {
      if (signal?.aborted) break;
      currentFile = object.name;
      emit();
      for await (const record of readObject(object, hooks)) {
        batch.push(record);
        summary.records++;
        if (batch.length >= batchSize) await flush();
        if (signal?.aborted) break files;
      }
      // Stopped mid-file: that file is not finished.
      if (signal?.aborted) break;
      summary.files++;
      emit();
    }
  } catch (error) {
    // An aborted listing or download fails with an abort error: that is the stop asked for.
    if (!signal?.aborted || error instanceof StoreFailure) {
      const failure = error instanceof ImportError ? error : new ImportError("failed", messageOf(error), { cause: error });
      // Keep what was read before the failure, unless storing is what failed.
      if (!(error instanceof StoreFailure)) await flush().catch(() => undefined);
      failure.summary = finish();
      throw failure;
    }
  } finally {
    opened.dispose();
  }
  summary.aborted = signal?.aborted === true && summary.files < (source.total() ?? Number.POSITIVE_INFINITY);
  await flush();
  currentFile = null;
  emit();
  return finish();
}

function emptySummary(source: string): ImportSummary {
  return {
    source,
    files: 0,
    ignoredFiles: 0,
    bytes: 0,
    records: 0,
    inserted: 0,
    skipped: 0,
    malformed: 0,
    failedFiles: [],
    elapsedMs: 0,
    quarantinePath: null,
    aborted: false,
  };
}
