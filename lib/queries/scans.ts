import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { Scan } from "@/lib/schemas/scan";

// zod (~30 kB gzip) is fetched only when a scan is started or followed, never with the page itself.
const schemas = () => import("@/lib/schemas/scan");

const scanKeys = {
  all: ["scans"] as const,
  detail: (id: string) => ["scans", "detail", id] as const,
};

const SCAN_POLL_MS = 1000;

export function isScanFinished(scan: Pick<Scan, "status"> | undefined): boolean {
  return scan?.status === "completed" || scan?.status === "failed";
}

/** Polls a scan until it completes or fails. */
export function scanQueryOptions(id: string) {
  return queryOptions({
    queryKey: scanKeys.detail(id),
    queryFn: async ({ signal }) => {
      const { scanSchema } = await schemas();
      return fetchJson(`/api/scans/${encodeURIComponent(id)}`, scanSchema, { signal });
    },
    refetchInterval: (query) => (isScanFinished(query.state.data) ? false : SCAN_POLL_MS),
    staleTime: 0,
    retry: 2,
  });
}

export async function startScanRequest(): Promise<{ id: string }> {
  const { startScanResponseSchema } = await schemas();
  return fetchJson("/api/scans", startScanResponseSchema, { method: "POST" });
}
