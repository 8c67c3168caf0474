import "server-only";
import { Readable, pipeline } from "node:stream";
import { createGunzip } from "node:zlib";

/** Decompressed output per zlib call; larger than the 16 KiB default, so fewer hops per megabyte. */
const GUNZIP_CHUNK_BYTES = 128 * 1024;

async function* counted(rest: AsyncIterator<unknown>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    const chunk = next.value as Buffer;
    onBytes(chunk.length);
    yield chunk;
  }
}

async function* prepend(head: Buffer, rest: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield head;
  yield* rest;
}

/**
 * The bytes of a log file, gunzipped when they start with the gzip magic number (so a .json that
 * is really gzip, or gzip piped into /dev/stdin, reads the same). `onBytes` sees the raw bytes read.
 * A corrupt or truncated gzip stream throws from the iteration with zlib's reason.
 */
export async function* decodedChunks(input: Readable, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  const raw = input[Symbol.asyncIterator]();
  try {
    const first = await raw.next();
    if (first.done) return;
    const head = first.value as Buffer;
    onBytes(head.length);
    const rest = counted(raw, onBytes);
    if (head[0] !== 0x1f || head[1] !== 0x8b) {
      yield head;
      yield* rest;
      return;
    }
    const compressed = Readable.from(prepend(head, rest), { objectMode: false });
    // Errors surface through the iteration below; pipeline only ties the two streams' lifetimes.
    const gunzip = pipeline(compressed, createGunzip({ chunkSize: GUNZIP_CHUNK_BYTES }), () => undefined);
    for await (const chunk of gunzip) yield chunk as Buffer;
  } finally {
    // Stopped early or failed: release the file handle or HTTP connection now.
    input.destroy();
  }
}
