"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { CircleAlert, Download, FileArchive, FileCheck2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { formatBytes } from "@/lib/format-bytes";
import { Button, buttonClasses } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { ModalDialog } from "@/components/ui/modal-dialog";
import { ProgressBar } from "@/components/ui/progress-bar";
import { ApiError } from "@/lib/api/fetcher";
import type { ExportJob, ExportPhase, ExportRequest } from "@/lib/schemas/evidence";
import { exportDownloadUrl, exportJobQueryOptions, startExportRequest } from "@/lib/queries/evidence";

export type ExportEvidenceProps = {
  scanId: string;
  /** A framework id, or "all". */
  framework: ExportRequest["framework"];
  /** Shown in the dialog: "SOC 2 (2017 TSC, 2022 points of focus)" or "All frameworks". */
  frameworkLabel?: string;
  /** Empty: every account (or region) of the scan. */
  accounts: string[];
  regions: string[];
};

const PHASE_LABEL: Record<ExportPhase, string> = {
  queued: "Queued",
  evaluating: "Evaluating requirements",
  report: "Rendering report.pdf",
  findings: "Writing findings.json and findings.csv",
  ocsf: "Writing OCSF compliance findings",
  oscal: "Writing OSCAL assessment results",
  inventory: "Adding sanitised inventory snapshots",
  attestations: "Adding attestations",
  signing: "Signing the manifest",
  done: "Ready",
};

const CONTENTS = [
  ["report.pdf", "scope, score, per-requirement results, failing findings with evidence and remediation"],
  ["findings.json / .csv", "every finding in scope"],
  ["ocsf/…jsonl", "OCSF 1.2.0 Compliance Finding records"],
  ["oscal/…json", "OSCAL 1.0.6 assessment results"],
  ["inventory/", "the sanitised configuration snapshots"],
  ["manifest.json + .sig", "SHA-256 of every file, chained to the previous export, signed with Ed25519"],
] as const;

const scopeText = (values: string[], what: string) =>
  values.length === 0 ? `every ${what} of the scan` : values.length <= 3 ? values.join(", ") : `${values.length} ${what}s`;

/** "Export evidence" and its dialog: confirm the scope, build on the server with progress, then download. */
export function ExportEvidenceButton(props: ExportEvidenceProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        <FileArchive aria-hidden />
        Export evidence
      </Button>
      <ModalDialog
        open={open}
        onClose={() => setOpen(false)}
        title="Export evidence bundle"
        description="A signed ZIP an auditor can verify offline, built from the stored scan."
      >
        <ExportPanel {...props} />
      </ModalDialog>
    </>
  );
}

function ExportPanel({ scanId, framework, frameworkLabel, accounts, regions }: ExportEvidenceProps) {
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => startExportRequest({ scanId, framework, accounts, regions }),
    onSuccess: (job) => setJobId(job.id),
  });
  const job = useQuery({ ...exportJobQueryOptions(jobId ?? ""), enabled: jobId !== null });
  const current = job.data ?? start.data;
  const failure = start.error ?? job.error;

  return (
    <div className="space-y-4 text-sm">
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 rounded-lg border border-(--border) bg-slate-50/60 px-3.5 py-3 dark:bg-white/[0.03]">
        <dt className="text-(--muted)">Framework</dt>
        <dd className="font-medium">{frameworkLabel ?? (framework === "all" ? "All frameworks" : framework)}</dd>
        <dt className="text-(--muted)">Scan</dt>
        <dd className="truncate font-mono text-xs leading-5">{scanId}</dd>
        <dt className="text-(--muted)">Accounts</dt>
        <dd>{scopeText(accounts, "account")}</dd>
        <dt className="text-(--muted)">Regions</dt>
        <dd>{scopeText(regions, "region")}</dd>
      </dl>
      {!current && (
        <>
          <p className="text-(--muted)">The page&apos;s scan, account and region filters set this scope. The bundle holds:</p>
          <ul className="space-y-1">
            {CONTENTS.map(([name, what]) => (
              <li key={name} className="flex gap-2">
                <code className="shrink-0 font-mono text-xs leading-5 font-medium">{name}</code>
                <span className="text-(--muted)">{what}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {current && <JobStatus job={current} />}
      {failure && (
        <p role="alert" className="flex items-start gap-2 text-red-700 dark:text-red-400">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {failure instanceof ApiError ? failure.message : "The export could not be started."}
        </p>
      )}
      <div className="flex justify-end gap-2 border-t border-(--border) pt-4">
        {current?.state === "ready" ? (
          <a href={exportDownloadUrl(current.id)} download={current.fileName} className={buttonClasses("primary")}>
            <Download aria-hidden />
            Download ({formatBytes(current.bytes)})
          </a>
        ) : (
          <Button
            variant="primary"
            disabled={start.isPending || current?.state === "building"}
            onClick={() => {
              setJobId(null);
              start.mutate();
            }}
          >
            <FileArchive aria-hidden />
            {current?.state === "failed" ? "Try again" : current ? "Building…" : "Build bundle"}
          </Button>
        )}
      </div>
    </div>
  );
}

function JobStatus({ job }: { job: ExportJob }) {
  if (job.state === "failed")
    return (
      <p role="alert" className="flex items-start gap-2 text-red-700 dark:text-red-400">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        The export failed: {job.error}
      </p>
    );
  if (job.state === "building") {
    const percent = (job.step / job.steps) * 100;
    return (
      <div className="space-y-2" aria-live="polite">
        <div className="flex items-baseline justify-between gap-3">
          <span className="font-medium">{PHASE_LABEL[job.phase]}…</span>
          <span className="text-xs text-(--muted) tabular-nums">
            {job.phase === "queued" ? "waiting" : `step ${Math.min(job.step + 1, job.steps)} of ${job.steps}`}
            {job.bytes > 0 && ` · ${formatBytes(job.bytes)}`}
          </span>
        </div>
        <ProgressBar value={percent} label="Export progress" valueText={`${PHASE_LABEL[job.phase]}, ${Math.round(percent)}%`} />
      </div>
    );
  }
  return (
    <div className="space-y-3" aria-live="polite">
      <p className="flex items-center gap-2 font-medium text-emerald-700 dark:text-emerald-400">
        <FileCheck2 aria-hidden className="size-4" />
        {job.fileName} is ready and signed.
      </p>
      <HashRow label="Manifest SHA-256" value={job.manifestSha256 ?? ""} />
      <HashRow
        label="Previous manifest"
        value={job.previousManifestSha256 ?? "none (first export)"}
        copy={job.previousManifestSha256 !== null}
      />
      <p className="text-(--muted)">
        Keep the manifest hash with your audit notes: the next export names it as its previous one. Check a bundle on{" "}
        <Link href="/evidence/verify" className="font-medium text-(--accent) hover:underline">
          Verify evidence
        </Link>{" "}
        or with <code className="font-mono text-xs">npm run strata -- verify</code>.
      </p>
    </div>
  );
}

function HashRow({ label, value, copy = true }: { label: string; value: string; copy?: boolean }) {
  return (
    <div className="flex items-center gap-2">
      <span className="w-32 shrink-0 text-(--muted)">{label}</span>
      <code className="min-w-0 flex-1 truncate font-mono text-xs" title={value}>
        {value}
      </code>
      {copy && <CopyButton text={value} what={label.toLowerCase()} />}
    </div>
  );
}
