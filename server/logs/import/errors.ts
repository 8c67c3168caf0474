import "server-only";
import type { ImportSummary } from "./types";

/**
 * Why an import could not start or had to stop: `source` means the source given is wrong (missing
 * path, empty folder, malformed s3:// URL, no such bucket); `access` means the credentials lack a
 * permission, named in the message; `failed` is anything else that stops the whole import.
 * A single bad file is not an ImportError: it goes to the summary's failedFiles.
 */
export class ImportError extends Error {
  override readonly name = "ImportError";
  /** How far the import got before it stopped (what it stored stays stored); absent if it never started. */
  summary: ImportSummary | undefined;
  constructor(
    readonly kind: "source" | "access" | "failed",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
