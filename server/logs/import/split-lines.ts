import "server-only";

const NEWLINE = 0x0a;

/** A line this long is no record Bedrock writes (bodies are capped at 100 KB); it is not kept in memory. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** Called for a line over the limit; its text was discarded as it streamed past. */
export type OverlongLine = (line: number, bytes: number) => void | Promise<void>;

/**
 * Splits a byte stream into UTF-8 lines on "\n" by scanning Buffers: one `indexOf` and one decode
 * per line, several times faster than readline, which decodes to strings first and splits those.
 * A line spanning chunks is collected as pieces and joined once. An over-long line is reported and
 * yielded as "" so that the numbering stays aligned with the file. A last line without "\n" counts.
 */
export async function* splitLines(
  chunks: AsyncIterable<Buffer>,
  onOverlong: OverlongLine,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<string> {
  let pieces: Buffer[] = [];
  let pending = 0;
  let overlong = false;
  let line = 0;

  async function finishLine(tail: Buffer): Promise<string> {
    line++;
    const total = pending + tail.length;
    const wasOverlong = overlong || total > maxLineBytes;
    const text = wasOverlong
      ? ""
      : pieces.length === 0
        ? tail.toString("utf8")
        : Buffer.concat([...pieces, tail], total).toString("utf8");
    pieces = [];
    pending = 0;
    overlong = false;
    if (wasOverlong) await onOverlong(line, total);
    return text;
  }

  for await (const chunk of chunks) {
    let start = 0;
    let end = chunk.indexOf(NEWLINE, start);
    // The common case, a whole line inside one chunk, decodes straight from the chunk.
    while (end !== -1) {
      if (pending === 0 && !overlong) {
        line++;
        yield chunk.toString("utf8", start, end);
      } else {
        yield await finishLine(chunk.subarray(start, end));
      }
      start = end + 1;
      end = chunk.indexOf(NEWLINE, start);
    }
    if (start < chunk.length) {
      const rest = chunk.subarray(start);
      pending += rest.length;
      if (overlong || pending > maxLineBytes) {
        overlong = true;
        pieces = [];
      } else {
        pieces.push(rest);
      }
    }
  }
  if (pending > 0 || overlong) yield await finishLine(Buffer.alloc(0));
}
