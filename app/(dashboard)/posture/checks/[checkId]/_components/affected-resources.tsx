"use client";

import { ChevronRight } from "lucide-react";
import { Fragment, useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { STATUS_LABEL } from "@/components/posture/labels";
import { arnParts } from "@/components/posture/arn";
import { ResourceName } from "@/components/posture/resource-name";
import { StatusBadge } from "@/components/posture/status-badge";
import type { Status } from "@/lib/schemas/finding";
import type { FindingDetail } from "@/lib/schemas/posture";

const PAGE = 50;
// Same order as the table: what needs attention first.
const STATUS_ORDER: Status[] = ["FAIL", "ERROR", "MANUAL", "PASS", "NOT_APPLICABLE"];

function EvidenceRow({ finding, id }: { finding: FindingDetail; id: string }) {
  const json = useMemo(() => JSON.stringify(finding.evidence, null, 2) ?? "null", [finding.evidence]);
  return (
    <tr id={id} className="border-b border-(--border) bg-slate-50/70 dark:bg-white/[0.02]">
      <td colSpan={6} className="px-5 py-3">
        <div className="mb-2 flex items-center justify-between">
          <span className="text-xs font-medium text-(--muted)">Evidence: the configuration that decided this result</span>
          <CopyButton text={json} what="evidence JSON" />
        </div>
        <pre className="max-h-96 overflow-auto rounded-lg border border-(--border) bg-(--card) p-3 font-mono text-xs leading-relaxed">
          <code>{json}</code>
        </pre>
      </td>
    </tr>
  );
}

/** The check's findings, failing first (the server orders them), each with its evidence on demand. */
export function AffectedResources({ findings }: { findings: FindingDetail[] }) {
  const [status, setStatus] = useState<Status | "ALL">("ALL");
  const [limit, setLimit] = useState(PAGE);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const base = useId();
  const counts = useMemo(() => {
    const c = new Map<Status, number>();
    for (const f of findings) c.set(f.status, (c.get(f.status) ?? 0) + 1);
    return c;
  }, [findings]);
  const shown = status === "ALL" ? findings : findings.filter((f) => f.status === status);
  const visible = shown.slice(0, limit);

  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <div>
      <div role="group" aria-label="Show findings with status" className="flex flex-wrap gap-1.5 px-5 pb-3">
        {(["ALL", ...STATUS_ORDER.filter((s) => counts.has(s))] as const).map((s) => (
          <button
            key={s}
            type="button"
            aria-pressed={status === s}
            onClick={() => {
              setStatus(s);
              setLimit(PAGE);
            }}
            className={cn(
              "h-7 rounded-full border px-2.5 text-xs font-medium transition-colors",
              status === s
                ? "border-(--accent)/40 bg-(--accent)/10"
                : "border-(--border) text-(--muted) hover:text-(--foreground)",
            )}
          >
            {s === "ALL" ? "All" : STATUS_LABEL[s]}{" "}
            <span className="text-(--muted)">{s === "ALL" ? findings.length : counts.get(s)}</span>
          </button>
        ))}
      </div>
      <div className="overflow-x-auto border-t border-(--border)">
        <table className="w-full min-w-[56rem] text-sm">
          <caption className="sr-only">Affected resources, failing first</caption>
          <thead>
            <tr className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]">
              <th scope="col" className="h-9 w-24 px-3 pl-5 font-medium">
                Status
              </th>
              <th scope="col" className="w-40 px-3 font-medium">
                Account
              </th>
              <th scope="col" className="w-28 px-3 font-medium">
                Region
              </th>
              <th scope="col" className="w-72 px-3 font-medium">
                Resource
              </th>
              <th scope="col" className="px-3 font-medium">
                Message
              </th>
              <th scope="col" className="w-28 px-3 pr-5 text-right font-medium">
                <span className="sr-only">Evidence</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {visible.map((f) => {
              const expanded = open.has(f.id);
              const evidenceId = `${base}-${f.id}`;
              return (
                <Fragment key={f.id}>
                  <tr className={cn("border-b border-(--border) align-top", expanded && "border-b-0")}>
                    <td className="px-3 py-2.5 pl-5">
                      <StatusBadge status={f.status} />
                    </td>
                    <td className="px-3 py-2.5">
                      <span className="block whitespace-nowrap">{f.accountName}</span>
                      <span className="block font-mono text-[11px] text-(--muted)">{f.accountId}</span>
                    </td>
                    <td className="px-3 py-2.5 font-mono text-xs whitespace-nowrap">{f.region}</td>
                    <td className="px-3 py-2.5">
                      <ResourceName arn={f.resourceArn} className="max-w-[18rem]" />
                    </td>
                    <td className="px-3 py-2.5 text-(--muted)">{f.message}</td>
                    <td className="px-3 py-2 pr-5 text-right">
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-expanded={expanded}
                        aria-controls={expanded ? evidenceId : undefined}
                        onClick={() => toggle(f.id)}
                      >
                        <ChevronRight aria-hidden className={cn("transition-transform", expanded && "rotate-90")} />
                        Evidence
                        <span className="sr-only"> for {arnParts(f.resourceArn).resource}</span>
                      </Button>
                    </td>
                  </tr>
                  {expanded && <EvidenceRow finding={f} id={evidenceId} />}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length > limit && (
        <div className="flex items-center justify-between border-t border-(--border) px-5 py-3 text-xs text-(--muted)">
          <span>
            Showing {visible.length} of {shown.length}
          </span>
          <Button size="sm" onClick={() => setLimit((l) => l + PAGE)}>
            Show {Math.min(PAGE, shown.length - limit)} more
          </Button>
        </div>
      )}
    </div>
  );
}
