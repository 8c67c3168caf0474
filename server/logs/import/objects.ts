import "server-only";
import type { Readable } from "node:stream";

/** One file or S3 object to import. */
export type LogObject = {
  /** As reported in progress, failedFiles and quarantine entries: a path, or s3://bucket/key. */
  name: string;
  open(signal?: AbortSignal): Promise<Readable>;
};

/** What a source holds: the objects in import order, counted once listing has finished. */
export type LogSource = {
  objects: AsyncIterable<LogObject> | Iterable<LogObject>;
  /** null while the listing is still going (S3 pages); then the number of log objects. */
  total(): number | null;
  /** Files or objects seen and not imported because they are not log files (permission check marker, offloaded bodies …). */
  ignored(): number;
};

const LOG_SUFFIXES = [".json.gz", ".jsonl.gz", ".json", ".jsonl"];

// Bodies over 100 KB and media are offloaded under .../YYYY/MM/DD/HH/data/ (bedrock-formats.md 1.8):
// they are request or response bodies, not records, and would only fill the quarantine.
const OFFLOADED = /(^|\/)\d{4}\/\d{2}\/\d{2}\/\d{2}\/data\//;

/** Whether a "/"-separated path or S3 key is a batch of log records (the whole path: partitions tell offloaded bodies apart). */
export function isLogFile(path: string): boolean {
  if (OFFLOADED.test(path)) return false;
  const lower = path.toLowerCase();
  return LOG_SUFFIXES.some((suffix) => lower.endsWith(suffix));
}

export const LOG_FILE_KINDS = ".json.gz, .json or .jsonl";

/** Plain code-unit order, the same as S3's key order for ASCII keys, and independent of the locale. */
export function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
