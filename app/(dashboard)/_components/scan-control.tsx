"use client";

import { CircleCheck, CircleX, LoaderCircle, Play, Radar, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { percent } from "@/components/posture/format";
import { useScanRunner } from "@/hooks/use-scan-runner";
import type { Scan } from "@/lib/schemas/scan";

type Props = {
  title: string;
  description: ReactNode;
  canRun: boolean;
  initialScan: Scan | null;
  /** No completed scan yet: the page body is the first-run empty state. */
  empty: boolean;
  children?: ReactNode;
};

function ScanProgress({ scan, onDismiss }: { scan: Scan; onDismiss: () => void }) {
  const finished = scan.status === "completed" || scan.status === "failed";
  const value = scan.status === "completed" ? 100 : percent(scan.progress.done, scan.progress.total);
  const failed = scan.status === "failed";
  const overall = scan.score?.overall;
  const label = failed
    ? (scan.error ?? "The scan failed.")
    : scan.status === "completed"
      ? overall?.score != null
        ? `Score ${overall.score.toFixed(1)}, grade ${overall.grade ?? "–"}`
        : "Nothing could be evaluated"
      : (scan.progress.label ?? "Starting");
  return (
    <section
      aria-label="Scan progress"
      className={cn(
        "mb-6 rounded-xl border bg-(--card) px-5 py-4 shadow-xs",
        failed ? "border-status-fail/40" : scan.status === "completed" ? "border-status-pass/40" : "border-(--border)",
      )}
    >
      <div className="mb-3 flex items-center gap-3">
        {failed ? (
          <CircleX aria-hidden className="size-4 text-status-fail" />
        ) : scan.status === "completed" ? (
          <CircleCheck aria-hidden className="size-4 text-status-pass" />
        ) : (
          <LoaderCircle aria-hidden className="size-4 animate-spin text-(--accent)" />
        )}
        <p className="min-w-0 flex-1 truncate text-sm">
          <span className="font-medium">
            {failed
              ? "Scan failed"
              : scan.status === "completed"
                ? "Scan complete"
                : scan.status === "queued"
                  ? "Scan queued"
                  : "Scanning"}
          </span>
          <span className="text-(--muted)"> · {label}</span>
        </p>
        <span className="text-sm font-medium tabular-nums">{value}%</span>
        {finished && (
          <button
            type="button"
            onClick={onDismiss}
            className="grid size-7 place-items-center rounded-md text-(--muted) hover:bg-slate-900/[0.05] hover:text-(--foreground) dark:hover:bg-white/[0.06]"
          >
            <X aria-hidden className="size-4" />
            <span className="sr-only">Dismiss scan result</span>
          </button>
        )}
      </div>
      <ProgressBar
        value={value}
        label="Scan progress"
        valueText={`${value}% · ${label}`}
        barClassName={failed ? "bg-status-fail" : scan.status === "completed" ? "bg-status-pass" : undefined}
      />
      <p className="mt-2 text-xs text-(--muted) tabular-nums">
        {scan.progress.done} of {scan.progress.total || "…"} steps
      </p>
    </section>
  );
}

/** The overview's header with the Run-scan button, the live progress of a scan, and the first-run state. */
export function ScanControl({ title, description, canRun, initialScan, empty, children }: Props) {
  const runner = useScanRunner(initialScan);
  const busy = runner.starting || runner.running;
  const runButton = canRun ? (
    <Button variant="primary" onClick={runner.start} disabled={busy}>
      {busy ? <LoaderCircle aria-hidden className="animate-spin" /> : <Play aria-hidden />}
      {busy ? "Scanning…" : "Run scan"}
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={title} description={description} actions={empty ? null : runButton} />
      {runner.scan && <ScanProgress scan={runner.scan} onDismiss={runner.dismiss} />}
      {runner.pollError && !runner.scan && (
        <p role="alert" className="mb-6 text-sm text-status-fail">
          Could not read the scan progress. Reload the page to try again.
        </p>
      )}
      {empty ? (
        <div className="rounded-xl border border-dashed border-(--border) bg-(--card)">
          <EmptyState icon={Radar} title="Run your first scan" action={runButton}>
            {canRun
              ? "No scan of this estate has completed yet. A scan reads the configuration of every account and region, evaluates each check and scores the result."
              : "No scan of this estate has completed yet. Ask a security analyst or an administrator to run one."}
          </EmptyState>
        </div>
      ) : (
        children
      )}
    </>
  );
}
