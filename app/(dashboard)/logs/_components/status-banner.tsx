"use client";

import { Loader2 } from "lucide-react";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatCount, percent } from "@/components/posture/format";
import type { LogsStatus } from "@/lib/schemas/log-detail";

/** While the demo generates its invocation logs, says so; the explorer refreshes itself when it is done. */
export function SeedingBanner({ seeding }: { seeding: NonNullable<LogsStatus["seeding"]> }) {
  const share = percent(seeding.inserted, seeding.total);
  return (
    <div
      role="status"
      className="flex items-center gap-3 rounded-xl border border-(--accent)/25 bg-(--accent)/[0.06] px-4 py-3 text-sm"
    >
      <Loader2 aria-hidden className="size-4 shrink-0 animate-spin text-(--accent)" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">Generating demo invocation logs…</p>
        <p className="text-xs text-(--muted)">
          {formatCount(seeding.inserted)} of {formatCount(seeding.total)} records. Results fill in as they arrive; the page
          refreshes when it is done.
        </p>
      </div>
      <ProgressBar value={share} label="Demo logs generated" className="w-40" />
    </div>
  );
}
