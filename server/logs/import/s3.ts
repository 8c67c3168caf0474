import "server-only";
import { GetObjectCommand, ListObjectsV2Command, type ListObjectsV2CommandOutput, type S3Client } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import { ImportError, messageOf } from "./errors";
import { isLogFile, LOG_FILE_KINDS, type LogObject, type LogSource } from "./objects";
import { s3Url, type S3Location } from "./s3-url";

/** Objects this small are fetched ahead, whole, while the previous ones are parsed: S3 latency per object would otherwise dominate. */
const PREFETCH_MAX_BYTES = 1024 * 1024;
/** Objects fetched ahead at once: at most this many small buffers in memory. */
const PREFETCH_DEPTH = 4;

type Listed = { key: string; size: number };

const DENIED = new Set(["AccessDenied", "AccessDeniedException", "Forbidden", "AllAccessDisabled"]);
const BAD_CREDENTIALS = new Set([
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "CredentialsProviderError",
]);

function awsName(error: unknown): string {
  return error instanceof Error ? error.name : "Error";
}

/** An S3 error that stops the whole import (the listing, or a permission that applies to every object). */
function fatal(error: unknown, loc: S3Location, doing: "list" | "read", key?: string): ImportError | undefined {
  const name = awsName(error);
  const detail = `(${name}: ${messageOf(error)})`;
  if (name === "NoSuchBucket")
    return new ImportError("source", `The bucket "${loc.bucket}" does not exist or is in another partition ${detail}.`, {
      cause: error,
    });
  if (DENIED.has(name) && doing === "list")
    return new ImportError(
      "access",
      `Access denied listing ${s3Url(loc.bucket, loc.prefix)} ${detail}. The credentials need s3:ListBucket on ` +
        `arn:aws:s3:::${loc.bucket}${loc.prefix ? ` (a condition on s3:prefix "${loc.prefix}" may narrow it)` : ""}.`,
      { cause: error },
    );
  if (DENIED.has(name))
    return new ImportError(
      "access",
      `Access denied reading ${s3Url(loc.bucket, key ?? loc.prefix)} ${detail}. The credentials need s3:GetObject on ` +
        `arn:aws:s3:::${loc.bucket}/${loc.prefix}*, and kms:Decrypt on the bucket's KMS key if it uses SSE-KMS.`,
      { cause: error },
    );
  if (BAD_CREDENTIALS.has(name))
    return new ImportError("access", `The AWS credentials were rejected or could not be loaded ${detail}.`, { cause: error });
  return doing === "list"
    ? new ImportError("failed", `Listing ${s3Url(loc.bucket, loc.prefix)} failed ${detail}.`, { cause: error })
    : undefined;
}

/** Paginated ListObjectsV2 under the prefix, in S3's key order; the next page is requested while this one is read. */
async function* listKeys(client: S3Client, loc: S3Location, signal: AbortSignal | undefined): AsyncGenerator<Listed> {
  const list = (token: string | undefined) =>
    client.send(new ListObjectsV2Command({ Bucket: loc.bucket, Prefix: loc.prefix || undefined, ContinuationToken: token }), {
      abortSignal: signal,
    });
  let next: Promise<ListObjectsV2CommandOutput> | undefined = list(undefined);
  while (next) {
    let page: ListObjectsV2CommandOutput;
    try {
      page = await next;
    } catch (error) {
      throw fatal(error, loc, "list") ?? error;
    }
    const token = page.IsTruncated ? page.NextContinuationToken : undefined;
    next = token ? list(token) : undefined;
    // Awaited on the next turn; until then a rejection (an abort) must not count as unhandled.
    next?.catch(() => undefined);
    for (const o of page.Contents ?? []) if (o.Key !== undefined) yield { key: o.Key, size: o.Size ?? 0 };
  }
}

async function getObject(client: S3Client, loc: S3Location, key: string, signal: AbortSignal | undefined): Promise<Readable> {
  try {
    const out = await client.send(new GetObjectCommand({ Bucket: loc.bucket, Key: key }), { abortSignal: signal });
    if (!(out.Body instanceof Readable)) throw new Error("GetObject returned no readable body");
    return out.Body;
  } catch (error) {
    throw fatal(error, loc, "read", key) ?? error;
  }
}

async function readWhole(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The object to import; a small one starts downloading as soon as `prefetch` is called. */
function s3Object(client: S3Client, loc: S3Location, item: Listed, signal: AbortSignal | undefined) {
  let whole: Promise<Buffer> | undefined;
  const prefetch = () => {
    if (item.size > PREFETCH_MAX_BYTES || whole) return;
    whole = getObject(client, loc, item.key, signal).then(readWhole);
    whole.catch(() => undefined);
  };
  const object: LogObject = {
    name: s3Url(loc.bucket, item.key),
    open: async (openSignal) => {
      if (whole) return Readable.from([await whole]);
      return getObject(client, loc, item.key, openSignal ?? signal);
    },
  };
  return { object, prefetch };
}

/** The log objects under an S3 location, listed page by page and downloaded a few ahead. */
export function s3Source(client: S3Client, loc: S3Location, signal: AbortSignal | undefined): LogSource {
  let total: number | null = null;
  let ignored = 0;
  async function* objects(): AsyncGenerator<LogObject> {
    const keys = listKeys(client, loc, signal);
    const ahead: ReturnType<typeof s3Object>[] = [];
    let seen = 0;
    let listed = false;
    const fill = async () => {
      while (!listed && ahead.length <= PREFETCH_DEPTH) {
        const next = await keys.next();
        if (next.done) listed = true;
        else if (loc.single ? next.value.key !== loc.prefix : !isLogFile(next.value.key)) ignored++;
        else ahead.push(s3Object(client, loc, next.value, signal));
      }
      if (listed) total ??= seen + ahead.length;
    };
    await fill();
    if (ahead.length === 0) {
      const where = s3Url(loc.bucket, loc.prefix);
      if (loc.single) throw new ImportError("source", `Cannot import ${where}: no such object.`);
      const others = ignored === 0 ? "no objects at all" : `${ignored} other object${ignored === 1 ? "" : "s"}`;
      throw new ImportError("source", `${where} holds no log files (${LOG_FILE_KINDS}): ${others} under that prefix.`);
    }
    try {
      for (let current = ahead.shift(); current !== undefined; current = ahead.shift()) {
        current.prefetch();
        for (const item of ahead) item.prefetch();
        seen++;
        yield current.object;
        await fill();
      }
    } finally {
      // Stopped early (abort, fatal error): no further pages.
      await keys.return(undefined);
    }
  }
  return { objects: objects(), total: () => total, ignored: () => ignored };
}
