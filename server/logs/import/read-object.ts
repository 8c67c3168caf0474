import "server-only";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { normalizeLines, QuarantineWriter, type QuarantinedLine } from "../lines";
import type { InvocationRecord } from "../record";
import { decodedChunks } from "./decode";
import { ImportError, messageOf } from "./errors";
import type { LogObject } from "./objects";
import { MAX_LINE_BYTES, splitLines } from "./split-lines";

export type ReadHooks = {
  quarantinePath: string;
  signal?: AbortSignal;
  onBytes: (n: number) => void;
  onMalformed: () => void;
  /** The file could not be read to its end; records read before the failure were yielded. */
  onFailure: (reason: string) => void;
};

/** Why a file stopped, in words for the summary; zlib's own messages are terse. */
function failureReason(error: unknown, lines: number): string {
  const code = (error as { code?: unknown } | null)?.code;
  const where = lines > 0 ? ` after line ${lines}; the records before it were imported` : "";
  if (code === "Z_BUF_ERROR") return `truncated gzip data (${messageOf(error)})${where}`;
  if (code === "Z_DATA_ERROR") return `corrupt gzip data (${messageOf(error)})${where}`;
  return `${messageOf(error)}${where}`;
}

/** Opened on the first quarantined line of a file; most files never need it. */
function quarantineFor(object: LogObject, hooks: ReadHooks) {
  let writer: QuarantineWriter | undefined;
  return {
    write: async (entry: QuarantinedLine) => {
      hooks.onMalformed();
      try {
        if (writer === undefined) {
          await mkdir(dirname(hooks.quarantinePath), { recursive: true });
          writer = new QuarantineWriter(hooks.quarantinePath, object.name);
        }
        await writer.write(entry);
      } catch (error) {
        throw new ImportError("failed", `Cannot write the quarantine file ${hooks.quarantinePath}: ${messageOf(error)}`, {
          cause: error,
        });
      }
    },
    close: async () => {
      await writer?.close();
    },
  };
}

/**
 * The records of one file, streamed: bytes → gunzip → lines → normalizeLines. A read or gzip error
 * ends the file (reported through `onFailure`) but not the import; a failure that would affect
 * every file (quarantine not writable, S3 permission) is thrown as an ImportError.
 */
export async function* readObject(object: LogObject, hooks: ReadHooks): AsyncGenerator<InvocationRecord> {
  const quarantine = quarantineFor(object, hooks);
  let lines = 0;
  try {
    const chunks = decodedChunks(await object.open(hooks.signal), hooks.onBytes);
    const overlong = (line: number, bytes: number) =>
      quarantine.write({ line, reason: `line of ${bytes} bytes is longer than ${MAX_LINE_BYTES} bytes; not read`, text: "" });
    // The store measures body sizes as it serialises them; measuring here too would serialise each body twice.
    const { records, counts } = normalizeLines(splitLines(chunks, overlong), quarantine.write, { measureBodies: false });
    try {
      yield* records;
    } finally {
      lines = counts.lines;
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    // An abort destroys the stream mid-read; that is the caller stopping, not a bad file.
    if (hooks.signal?.aborted) return;
    hooks.onFailure(failureReason(error, lines));
  } finally {
    await quarantine.close();
  }
}
