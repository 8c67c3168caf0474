import "server-only";
import { z } from "zod";

/**
 * Every inventory part is either collected (`ok`) or `unavailable` with the reason. A check that
 * needs an unavailable part reports ERROR naming `action` (the IAM action to grant), never PASS.
 */
export const unavailableSchema = z.object({
  status: z.literal("unavailable"),
  reason: z.string().min(1),
  /** The IAM action that was denied, when the cause is missing permission. */
  action: z.string().optional(),
  /**
   * The service or feature does not exist in this region (no endpoint, unknown operation). Checks
   * report NOT_APPLICABLE rather than ERROR: there is nothing there to secure or to grant.
   */
  notInRegion: z.literal(true).optional(),
});
export type Unavailable = z.infer<typeof unavailableSchema>;

export function partSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion("status", [z.object({ status: z.literal("ok"), data }), unavailableSchema]);
}

export type Part<T> = { status: "ok"; data: T } | Unavailable;

export function ok<T>(data: T): Part<T> {
  return { status: "ok", data };
}

export function unavailable(reason: string, action?: string): Unavailable {
  return action === undefined ? { status: "unavailable", reason } : { status: "unavailable", reason, action };
}

export function notInRegion(reason: string): Unavailable {
  return { status: "unavailable", reason, notInRegion: true };
}
