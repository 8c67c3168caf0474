"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError } from "@/lib/api/fetcher";
import { findingsKeys } from "@/lib/queries/findings";
import { isScanFinished, scanQueryOptions, startScanRequest } from "@/lib/queries/scans";
import type { Scan } from "@/lib/schemas/scan";

function runningScanId(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== "conflict") return null;
  const details = error.details;
  if (details && typeof details === "object" && "scanId" in details && typeof details.scanId === "string") return details.scanId;
  return null;
}

/**
 * Starts a scan (or follows the one already running), polls its progress and, when it ends,
 * refreshes the server-rendered data and says how it went.
 */
export function useScanRunner(initialScan: Scan | null) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [scanId, setScanId] = useState<string | null>(initialScan?.id ?? null);
  const announced = useRef(new Set<string>());

  const scan = useQuery({
    ...scanQueryOptions(scanId ?? ""),
    enabled: scanId !== null,
    initialData: initialScan && initialScan.id === scanId ? initialScan : undefined,
  });

  const start = useMutation({
    mutationFn: startScanRequest,
    onSuccess: ({ id }) => setScanId(id),
    onError: (error) => {
      const running = runningScanId(error);
      if (running) {
        setScanId(running);
        toast.info("A scan is already running. Showing its progress.");
        return;
      }
      toast.error(error instanceof ApiError ? error.message : "The scan could not be started.");
    },
  });

  const data = scan.data;
  useEffect(() => {
    if (!data || !isScanFinished(data) || announced.current.has(data.id)) return;
    announced.current.add(data.id);
    void queryClient.invalidateQueries({ queryKey: findingsKeys.all });
    router.refresh();
    if (data.status === "completed") {
      const overall = data.score?.overall;
      const result =
        overall?.score != null
          ? `Score ${overall.score.toFixed(1)} (grade ${overall.grade ?? "–"}).`
          : "Nothing could be evaluated.";
      toast.success(`Scan complete. ${result}`);
    } else {
      toast.error(`Scan failed: ${data.error ?? "unknown error"}`);
    }
  }, [data, queryClient, router]);

  return {
    scan: data ?? null,
    pollError: scan.error,
    starting: start.isPending,
    running: data !== undefined && !isScanFinished(data),
    start: () => start.mutate(),
    dismiss: () => setScanId(null),
  };
}
