import "server-only";
import type { S3Client } from "@aws-sdk/client-s3";
import type { WritableLogStore } from "../store/types";

export type ImportOptions = {
  /** A file, a folder (searched recursively) or s3://bucket/prefix. */
  source: string;
  store: WritableLogStore;
  /** JSONL file for malformed lines; created (with its folder) only when a line is quarantined. */
  quarantinePath: string;
  /** Records per store.insert (one transaction each). */
  batchSize?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Stops between records; what was read is stored and the summary says `aborted`. */
  signal?: AbortSignal;
  /** For s3:// sources; omitted: one built like the scan's (default credential chain, AWS_REGION, AWS_ENDPOINT_URL). */
  s3Client?: S3Client;
};

export type ImportProgress = {
  /** Files finished (failed ones included). */
  files: number;
  /** null while an S3 listing is still paging. */
  filesTotal: number | null;
  /** Bytes read from files or S3, as stored (compressed). */
  bytes: number;
  records: number;
  inserted: number;
  skipped: number;
  malformed: number;
  elapsedMs: number;
  currentFile: string | null;
};

type FailedFile = { file: string; reason: string };

export type ImportSummary = {
  source: string;
  files: number;
  /** Files and objects under the source that are not log files (e.g. amazon-bedrock-logs-permission-check). */
  ignoredFiles: number;
  bytes: number;
  /** Records read from the files; each is either inserted or skipped (already stored). */
  records: number;
  inserted: number;
  skipped: number;
  /** Lines (or array elements) that produced no record, each written to the quarantine file. */
  malformed: number;
  failedFiles: FailedFile[];
  elapsedMs: number;
  /** The quarantine file, or null when nothing was quarantined (and no file was created). */
  quarantinePath: string | null;
  /** The signal stopped the import before every file was read. */
  aborted: boolean;
};

export const DEFAULT_BATCH_SIZE = 2_000;
