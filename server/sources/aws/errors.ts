import "server-only";
import { ok, unavailable, type Part } from "@/server/inventory/part";

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "AuthorizationError",
]);

/**
 * Codes AWS returns when a service or operation does not exist in the region (or for the account).
 * They become an `unavailable` part whose reason starts with NOT_AVAILABLE_PREFIX rather than an empty
 * list: an empty list would let "no guardrail configured" checks FAIL (or worse, PASS) on a feature
 * that cannot exist there. The checks layer can map this prefix to NOT_APPLICABLE; the inventory
 * model has no third part status and this slice does not change it.
 */
const NOT_IN_REGION = new Set([
  "UnknownOperationException",
  "UnrecognizedClientException",
  "InvalidAction",
  "OptInRequired",
  "UnsupportedOperation",
]);
export const NOT_AVAILABLE_PREFIX = "Not available in this region:";

type AwsError = { name: string; message: string; code?: string };

function asAwsError(error: unknown): AwsError {
  if (error instanceof Error) return error;
  return { name: "UnknownError", message: String(error) };
}

function isDenied(error: unknown): boolean {
  const e = asAwsError(error);
  return DENIED.has(e.name) || (e.code !== undefined && DENIED.has(e.code));
}

/** Turns any error from one AWS call into the `unavailable` part it makes. Never throws. */
export function toUnavailable(error: unknown, action: string) {
  const e = asAwsError(error);
  if (isDenied(error)) return unavailable(`Access denied for ${action} (${e.name}: ${e.message})`, action);
  if (NOT_IN_REGION.has(e.name)) {
    return unavailable(`${NOT_AVAILABLE_PREFIX} ${action} (${e.name}: ${e.message})`);
  }
  if (e.name === "TimeoutError" || e.name === "AbortError") return unavailable(`${action} timed out (${e.message})`);
  return unavailable(`${action} failed (${e.name}: ${e.message})`);
}

/**
 * Runs one collector part. Whatever goes wrong inside becomes that part's `unavailable` value, so
 * one failing part never throws out of a collector. `action` is the call most likely to be denied;
 * a denial from a different call inside `fn` is reported via `PartError`.
 */
export async function collectPart<T>(action: string, fn: () => Promise<T>): Promise<Part<T>> {
  try {
    return ok(await fn());
  } catch (error) {
    if (error instanceof PartError) return toUnavailable(error.original, error.action);
    return toUnavailable(error, action);
  }
}

/** Wraps a failure of a nested call so the part names the action that really failed. */
class PartError extends Error {
  constructor(
    readonly action: string,
    readonly original: unknown,
  ) {
    super(`${action}: ${asAwsError(original).message}`);
  }
}

/** Awaits one call, tagging any failure with its IAM action. */
export async function call<T>(action: string, promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw new PartError(action, error);
  }
}
