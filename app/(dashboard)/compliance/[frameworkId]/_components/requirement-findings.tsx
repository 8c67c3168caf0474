"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { ChevronRight } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { formatCount } from "@/components/posture/format";
import { STATUS_LABEL } from "@/components/posture/labels";
import { ResourceName } from "@/components/posture/resource-name";
import { SeverityBadge, StatusBadge } from "@/components/posture/status-badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Skeleton } from "@/components/ui/skeleton";
import { ApiError } from "@/lib/api/fetcher";
import type { ComplianceQuery, RequirementFinding } from "@/lib/schemas/compliance-api";
import type { Status } from "@/lib/schemas/finding";
import { requirementFindingsOptions } from "../../queries";

// What needs attention first, as on the check page.
const FILTERS = ["FAIL", "ERROR", "MANUAL", "PASS", "NOT_APPLICABLE"] as const satisfies readonly Status[];

function Evidence({ finding, id }: { finding: RequirementFinding; id: string }) {
  const json = useMemo(() => JSON.stringify(finding.evidence, null, 2) ?? "null", [finding.evidence]);
  return (
    <div id={id} className="mt-2">
      <div className="mb-1.5 flex items-center justify-between">
        <span className="text-xs font-medium text-(--muted)">Evidence: the configuration that decided this result</span>
        <CopyButton text={json} what="evidence JSON" />
      </div>
      <pre
        aria-label={`Evidence of ${finding.checkTitle}`}
        className="max-h-80 overflow-auto rounded-lg border border-(--border) bg-(--background) p-3 font-mono text-xs leading-relaxed"
      >
        <code>{json}</code>
      </pre>
    </div>
  );
}

function FindingItem({ finding }: { finding: RequirementFinding }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li className="border-b border-(--border) px-5 py-3 last:border-0">
      <div className="flex flex-wrap items-center gap-1.5">
        <StatusBadge status={finding.status} />
        <SeverityBadge severity={finding.severity} />
        <span className="min-w-0 flex-1 truncate text-sm font-medium">{finding.checkTitle}</span>
      </div>
      <p className="mt-1.5 text-sm text-(--muted)">{finding.message}</p>
      <div className="mt-2 grid grid-cols-[minmax(0,1fr)_auto_minmax(0,1.3fr)] items-start gap-3 text-xs">
        <span className="min-w-0">
          <span className="block truncate">{finding.accountName}</span>
          <span className="block font-mono text-[11px] text-(--muted)">{finding.accountId}</span>
        </span>
        <span className="font-mono whitespace-nowrap">{finding.region}</span>
        <ResourceName arn={finding.resourceArn} />
      </div>
      <Button
        size="sm"
        variant="ghost"
        className="mt-1 -ml-2.5"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <ChevronRight aria-hidden className={cn("transition-transform", open && "rotate-90")} />
        Evidence
        <span className="sr-only"> for {finding.resourceArn}</span>
      </Button>
      {open && <Evidence finding={finding} id={id} />}
    </li>
  );
}

type Props = { frameworkId: string; requirementId: string; query: ComplianceQuery };

/** The requirement's findings in scope, failing first, a page at a time, each with its evidence on demand. */
export function RequirementFindings({ frameworkId, requirementId, query }: Props) {
  const [status, setStatus] = useState<Status[]>([]);
  const pages = useInfiniteQuery(requirementFindingsOptions(frameworkId, requirementId, query, status));
  const rows = pages.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = pages.data?.pages[0]?.total ?? 0;

  if (pages.error && !pages.data)
    return (
      <p role="alert" className="px-5 py-4 text-sm text-status-fail">
        {pages.error instanceof ApiError ? pages.error.message : "The findings could not be loaded."}{" "}
        <Button size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </p>
    );

  return (
    <div>
      <div role="group" aria-label="Show findings with status" className="flex flex-wrap gap-1.5 px-5 pb-3">
        {(["ALL", ...FILTERS] as const).map((s) => {
          const pressed = s === "ALL" ? status.length === 0 : status.length === 1 && status[0] === s;
          return (
            <button
              key={s}
              type="button"
              aria-pressed={pressed}
              onClick={() => setStatus(s === "ALL" ? [] : [s])}
              className={cn(
                "h-7 rounded-full border px-2.5 text-xs font-medium transition-colors",
                pressed ? "border-(--accent)/40 bg-(--accent)/10" : "border-(--border) text-(--muted) hover:text-(--foreground)",
              )}
            >
              {s === "ALL" ? "All" : STATUS_LABEL[s]}
            </button>
          );
        })}
      </div>
      {!pages.data ? (
        <div className="space-y-3 px-5 pb-4" aria-label="Loading findings">
          <Skeleton className="h-20" />
          <Skeleton className="h-20" />
        </div>
      ) : rows.length === 0 ? (
        <p className="px-5 pb-4 text-sm text-(--muted)">No findings {status.length ? "with that status " : ""}in this scope.</p>
      ) : (
        <>
          <ul
            aria-label="Findings"
            aria-busy={pages.isFetching && pages.isPlaceholderData}
            className={cn("border-t border-(--border)", pages.isPlaceholderData && "opacity-60")}
          >
            {rows.map((f) => (
              <FindingItem key={f.id} finding={f} />
            ))}
          </ul>
          <div className="flex items-center justify-between border-t border-(--border) px-5 py-3 text-xs text-(--muted)">
            <span role="status">
              Showing {formatCount(rows.length)} of {formatCount(total)}
            </span>
            {pages.hasNextPage && (
              <Button size="sm" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                {pages.isFetchingNextPage ? "Loading…" : "Load more"}
              </Button>
            )}
          </div>
        </>
      )}
    </div>
  );
}
