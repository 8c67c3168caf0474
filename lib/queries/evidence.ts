import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import type { ExportJob, ExportRequest } from "@/lib/schemas/evidence";

// zod loads with the first export, never with the page that offers it.
const schemas = () => import("@/lib/schemas/evidence");

const EXPORT_POLL_MS = 600;

export async function startExportRequest(request: ExportRequest): Promise<ExportJob> {
  const { exportJobSchema } = await schemas();
  return fetchJson("/api/evidence/exports", exportJobSchema, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(request),
  });
}

/** Polls an export until its bundle is ready or the build failed. */
export function exportJobQueryOptions(id: string) {
  return queryOptions({
    queryKey: ["evidence", "exports", id] as const,
    queryFn: async ({ signal }) => {
      const { exportJobSchema } = await schemas();
      return fetchJson(`/api/evidence/exports/${encodeURIComponent(id)}`, exportJobSchema, { signal });
    },
    refetchInterval: (query) => (query.state.data?.state === "building" || !query.state.data ? EXPORT_POLL_MS : false),
    staleTime: 0,
    retry: 2,
  });
}

export const exportDownloadUrl = (id: string) => `/api/evidence/exports/${encodeURIComponent(id)}/download`;
