import { fetchJson } from "@/lib/api/fetcher";
import type { ConnectionResult } from "@/lib/schemas/source";

/** Runs sts:GetCallerIdentity for one account on the server; a failed connection is a result, not an error. */
export async function testConnectionRequest(accountId: string): Promise<ConnectionResult> {
  // zod loads with the first test, not with the settings page.
  const { connectionResultSchema } = await import("@/lib/schemas/source");
  return fetchJson(`/api/source/accounts/${encodeURIComponent(accountId)}/test`, connectionResultSchema, { method: "POST" });
}
