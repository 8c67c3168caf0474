"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/lib/api/fetcher";
import { logsKeys } from "./use-logs";

// Loaded with the first request (zod stays out of the page's first load).
async function schemas() {
  const [{ z }, { savedViewSchema }] = await Promise.all([import("zod"), import("@/lib/schemas/log-detail")]);
  return {
    views: z.object({ views: z.array(savedViewSchema) }),
    view: savedViewSchema,
    ok: z.object({ ok: z.literal(true) }),
  };
}

/** Saved explorer views; loaded only once the menu is opened. */
export function useSavedViews(enabled: boolean) {
  return useQuery({
    queryKey: logsKeys.views,
    enabled,
    queryFn: async ({ signal }) => (await fetchJson("/api/logs/views", (await schemas()).views, { signal })).views,
  });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (view: { name: string; query: string; shared: boolean }) =>
      fetchJson("/api/logs/views", (await schemas()).view, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(view),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: logsKeys.views }),
  });
}

export function useDeleteView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      fetchJson(`/api/logs/views/${encodeURIComponent(id)}`, (await schemas()).ok, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: logsKeys.views }),
  });
}
