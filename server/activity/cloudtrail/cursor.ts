import "server-only";
import { z } from "zod";
import { ValidationError } from "@/server/http/errors";

/**
 * Where one lookup (one LookupAttribute) stands: the NextToken of the page to read next and how many
 * of that page's events were already shown. A page is read again rather than carried in the cursor,
 * because a merged page usually takes only part of each lookup's 50 events.
 */
const streamSchema = z.object({ token: z.string().nullable(), skip: z.number().int().min(0).max(50), done: z.boolean() });
export type StreamState = z.infer<typeof streamSchema>;

/** NextToken is only valid with the exact parameters of the first call, so the cursor carries them. */
const cursorSchema = z.object({
  v: z.literal(1),
  from: z.number(),
  to: z.number(),
  plan: z.array(z.string()),
  /** The StartTime actually sent (after the 90-day clamp), reused so every NextToken stays valid. */
  start: z.number(),
  streams: z.array(streamSchema),
});
type Cursor = z.infer<typeof cursorSchema>;

export const freshStreams = (n: number): StreamState[] =>
  Array.from({ length: n }, () => ({ token: null, skip: 0, done: false }));

export function encodeCursor(cursor: Omit<Cursor, "v">): string {
  return Buffer.from(JSON.stringify({ v: 1, ...cursor })).toString("base64url");
}

export function decodeCursor(
  text: string,
  expected: { from: number; to: number; plan: string[] },
): { start: number; streams: StreamState[] } {
  let parsed: Cursor;
  try {
    parsed = cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new ValidationError("The activity cursor is not valid; start again from the first page.");
  }
  const same =
    parsed.from === expected.from &&
    parsed.to === expected.to &&
    parsed.streams.length === expected.plan.length &&
    parsed.plan.join("\n") === expected.plan.join("\n");
  if (!same) throw new ValidationError("The activity cursor belongs to another filter; start again from the first page.");
  return { start: parsed.start, streams: parsed.streams };
}
