import "server-only";
import { notInRegion, ok, unavailable, type Part } from "@/server/inventory/part";
import { rawResponseText } from "./clients";

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "AuthorizationError",
]);

/**
 * Codes AWS returns when a service or operation does not exist in the region (or for the account).
 * They become a `notInRegion` part rather than an empty list: an empty list would let "no guardrail
 * configured" checks FAIL (or worse, PASS) on a feature that cannot exist there, and the checks
 * report NOT_APPLICABLE. UnrecognizedClientException is deliberately absent: it means bad
 * credentials, which must stay an ERROR.
 */
const NOT_IN_REGION = new Set(["UnknownOperationException", "InvalidAction", "OptInRequired", "UnsupportedOperation"]);
export const NOT_AVAILABLE_PREFIX = "Not available in this region:";

/** A regional AWS endpoint that does not resolve: the service has no presence in that region. */
function isMissingEndpoint(error: unknown): boolean {
  const e = error as { code?: unknown; hostname?: unknown };
  return e.code === "ENOTFOUND" && typeof e.hostname === "string" && /\.amazonaws\.com(\.cn)?$/.test(e.hostname);
}

/** How much of an unparseable response to quote in the finding. */
const QUOTE_CHARS = 300;

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
export function toUnavailable(error: unknown, action: string): ReturnType<typeof unavailable> {
  // A failure tagged by `call` names the action that really failed.
  if (error instanceof PartError) return toUnavailable(error.original, error.action);
  const e = asAwsError(error);
  if (isDenied(error)) return unavailable(`Access denied for ${action} (${e.name}: ${e.message})`, action);
  if (NOT_IN_REGION.has(e.name)) return notInRegion(`${NOT_AVAILABLE_PREFIX} ${action} (${e.name}: ${e.message})`);
  if (isMissingEndpoint(error)) return notInRegion(`${NOT_AVAILABLE_PREFIX} ${action} (no endpoint: ${e.message})`);
  const raw = rawResponseText(error);
  if (raw !== undefined && e.message.includes("Deserialization error")) {
    const quoted = JSON.stringify(raw.length > QUOTE_CHARS ? `${raw.slice(0, QUOTE_CHARS)}…` : raw);
    return unavailable(`${action} returned a response that could not be parsed (${e.name}): ${quoted}`);
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
