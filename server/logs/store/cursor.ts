import "server-only";
import { z } from "zod";
import { ValidationError } from "@/server/http/errors";

/** Position after the last row of a page: its time (ms) and its row sequence, which breaks ties. */
export type Keyset = { t: number; s: number };

const keysetSchema = z.strictObject({ t: z.number().int().nonnegative(), s: z.number().int().positive() });
const MAX_CURSOR_CHARS = 200;

/** Opaque to clients: base64url JSON, so its shape can change without an API change. */
export function encodeCursor(keyset: Keyset): string {
  return Buffer.from(JSON.stringify(keyset), "utf8").toString("base64url");
}

export function decodeCursor(cursor: string): Keyset {
  const invalid = () => new ValidationError("The page cursor is not valid; start again from the first page.");
  if (cursor.length > MAX_CURSOR_CHARS || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw invalid();
  }
  const parsed = keysetSchema.safeParse(json);
  if (!parsed.success) throw invalid();
  return parsed.data;
}
