import "server-only";
import { ImportError } from "./errors";
import { isLogFile } from "./objects";

export type S3Location = { bucket: string; prefix: string; /** The prefix names one object, not a folder. */ single: boolean };

// General purpose bucket names (dots allowed), and directory buckets' "--x-s3" suffix fits too.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function isS3Url(source: string): boolean {
  return /^s3:/i.test(source);
}

/**
 * s3://bucket, s3://bucket/prefix or s3://bucket/path/to/file.json.gz. A prefix that does not name
 * a log file is read as a folder: "logs" becomes "logs/", so that "logs-old/" is not included too
 * (bedrock-formats.md 1.8: build listing prefixes with a single "/").
 */
export function parseS3Url(source: string): S3Location {
  const match = /^s3:\/\/([^/]*)(?:\/(.*))?$/s.exec(source);
  const usage = `Expected s3://bucket/prefix, e.g. s3://my-logs/AWSLogs/123456789012/BedrockModelInvocationLogs/`;
  if (!match) throw new ImportError("source", `Malformed S3 URL ${JSON.stringify(source)}. ${usage}`);
  const bucket = match[1] ?? "";
  if (!BUCKET.test(bucket) || bucket.includes("..")) {
    const why = bucket === "" ? "the bucket name is missing" : `"${bucket}" is not a valid bucket name`;
    throw new ImportError("source", `Malformed S3 URL ${JSON.stringify(source)}: ${why}. ${usage}`);
  }
  const raw = match[2] ?? "";
  if (raw !== "" && isLogFile(raw) && !raw.endsWith("/")) return { bucket, prefix: raw, single: true };
  return { bucket, prefix: raw === "" || raw.endsWith("/") ? raw : `${raw}/`, single: false };
}

export function s3Url(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}
