import "server-only";
import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";
import { normalizeRecord, type NormalizeOptions } from "./normalize";
import type { InvocationRecord } from "./record";
import { truncate } from "./values";

/** A line that produced no record: 1-based line number, the reason, and the start of its text. */
export type QuarantinedLine = { line: number; reason: string; text: string };

export type LineCounts = {
  /** Lines read, blank ones included. */
  lines: number;
  blank: number;
  ok: number;
  /** Records (or array elements) handed to the quarantine callback. */
  malformed: number;
};

const QUARANTINE_TEXT_CHARS = 2_048;

function parse(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, reason: `invalid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Normalises newline-delimited records (the content of a delivered `.json.gz` once gunzipped).
 * A line may also hold an array of records (bedrock-formats.md 1.8). Every line that yields no
 * record goes to `onQuarantine`; `counts` is filled in as the records are consumed. Errors from
 * `lines` itself (I/O, gunzip) propagate: they are not bad records.
 */
export function normalizeLines(
  lines: AsyncIterable<string> | Iterable<string>,
  onQuarantine: (entry: QuarantinedLine) => void | Promise<void>,
  options: NormalizeOptions = {},
): { records: AsyncIterable<InvocationRecord>; counts: LineCounts } {
  const counts: LineCounts = { lines: 0, blank: 0, ok: 0, malformed: 0 };
  async function* run(): AsyncGenerator<InvocationRecord> {
    for await (const rawLine of lines) {
      const line = ++counts.lines;
      const text = rawLine.trim();
      if (text === "") {
        counts.blank++;
        continue;
      }
      const quarantine = async (reason: string) => {
        counts.malformed++;
        await onQuarantine({ line, reason, text: truncate(text, QUARANTINE_TEXT_CHARS) });
      };
      const parsed = parse(text);
      if (!parsed.ok) {
        await quarantine(parsed.reason);
        continue;
      }
      const values = Array.isArray(parsed.value) ? parsed.value : [parsed.value];
      for (const [index, value] of values.entries()) {
        const result = normalizeRecord(value, options);
        if (result.ok) {
          counts.ok++;
          yield result.record;
        } else {
          await quarantine(Array.isArray(parsed.value) ? `element ${index}: ${result.reason}` : result.reason);
        }
      }
    }
  }
  return { records: run(), counts };
}

/** Appends quarantined lines as JSONL `{line, reason, text, source?}` to a file. */
export class QuarantineWriter {
  private readonly stream: WriteStream;
  private failure: Error | undefined;

  constructor(
    path: string,
    private readonly source?: string,
  ) {
    this.stream = createWriteStream(path, { flags: "a" });
    // Without a listener a write error would crash the process; it is rethrown on the next call instead.
    this.stream.on("error", (error) => {
      this.failure = error;
    });
  }

  async write(entry: QuarantinedLine): Promise<void> {
    if (this.failure) throw this.failure;
    const row = this.source === undefined ? entry : { ...entry, source: this.source };
    if (!this.stream.write(`${JSON.stringify(row)}\n`)) await once(this.stream, "drain");
  }

  async close(): Promise<void> {
    this.stream.end();
    await finished(this.stream);
    if (this.failure) throw this.failure;
  }
}
