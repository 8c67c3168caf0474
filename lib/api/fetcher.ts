import type { z } from "zod";

/** What the client knows about a failed request; the UI branches on `code`, never on message text. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

type ErrorPayload = { error?: { code?: unknown; message?: unknown; details?: unknown } };

async function toApiError(response: Response): Promise<ApiError> {
  let payload: ErrorPayload = {};
  try {
    payload = (await response.json()) as ErrorPayload;
  } catch {
    // Non-JSON error bodies (a proxy's HTML page) still become a typed error below.
  }
  const code = typeof payload.error?.code === "string" ? payload.error.code : `http_${response.status}`;
  const message = typeof payload.error?.message === "string" ? payload.error.message : `Request failed (${response.status}).`;
  return new ApiError(response.status, code, message, payload.error?.details);
}

/** Fetches our own API and validates the response with the same zod schema the server uses. */
export async function fetchJson<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { Accept: "application/json", ...init?.headers }, cache: "no-store" });
  if (!response.ok) throw await toApiError(response);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, "bad_response", "The server answered with an unexpected shape.");
  return parsed.data;
}
