import { fetchJson } from "@/lib/api/fetcher";
import type { ChainReport } from "@/lib/schemas/evidence";

/** Uploads the bundles (in chain order) for verification; a bundle that fails is a report with ok false, not an error. */
export async function verifyBundlesRequest(form: FormData): Promise<ChainReport> {
  // zod loads with the first verification, not with the page.
  const { chainReportSchema } = await import("@/lib/schemas/evidence");
  return fetchJson("/api/evidence/verify", chainReportSchema, { method: "POST", body: form });
}
