"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * The evidence export, server-rendered as usual; its dialog's JS (and the toasts') follows the
 * page's own, which keeps both compliance pages under the 200 kB first-load target.
 */
export const ExportSlot = dynamic(() => import("@/components/evidence/export-button").then((m) => m.ExportEvidenceButton), {
  loading: () => <Skeleton className="h-9 w-36 rounded-lg" />,
});
