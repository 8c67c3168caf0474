"use client";

import { ChevronRight, ShieldAlert, ShieldCheck } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { ActorLabel } from "@/components/activity/actor-label";
import { formatEventTime } from "@/components/activity/format";
import { visibleText } from "@/components/logs/escape";
import { SafeText } from "@/components/logs/safe-text";
import { formatCount } from "@/components/posture/format";
import { SeverityBadge } from "@/components/posture/status-badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { LoadErrorState } from "@/components/ui/result-states";
import type { DetectionWithCheck, DetectionsResponse } from "@/lib/schemas/activity-api";
import { DetectionsSkeleton } from "../activity.skeleton";

const FIRST = 3;

type Props = {
  data: DetectionsResponse | undefined;
  error: string | null;
  busy: boolean;
  selectedId: string | null;
  onSelect: (detection: DetectionWithCheck) => void;
  onRetry: () => void;
};

/** Risky changes found in the range, most severe first; each leads to its events and the check it affects. */
export function DetectionsPanel({ data, error, busy, selectedId, onSelect, onRetry }: Props) {
  const [all, setAll] = useState(false);
  const detections = data?.detections ?? [];
  const shown = all ? detections : detections.slice(0, FIRST);
  return (
    <section
      aria-labelledby="detections-title"
      aria-busy={busy}
      className="overflow-hidden rounded-xl border border-(--border) bg-(--card) shadow-xs"
    >
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-(--border) px-4 py-3">
        <h2 id="detections-title" className="text-sm font-semibold tracking-tight">
          Detections
        </h2>
        {data && (
          <p className="text-xs text-(--muted)">
            {formatCount(detections.length)} found in {formatCount(data.eventsRead)} events
            {busy && " · updating…"}
          </p>
        )}
      </header>
      {error && !data ? (
        <LoadErrorState title="Detections could not be computed" message={error} onRetry={onRetry} />
      ) : !data ? (
        <div aria-label="Computing detections">
          <DetectionsSkeleton />
          <p className="px-4 pb-3 text-xs text-(--muted)">Reading every event in the range; on AWS this can take a while.</p>
        </div>
      ) : detections.length === 0 ? (
        <EmptyState icon={ShieldCheck} title="No risky activity found in this range" className="py-8">
          Nothing switched logging off, weakened a guardrail or probed models here.
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-(--border)">
            {shown.map((d) => (
              <DetectionRow key={d.id} detection={d} selected={d.id === selectedId} onSelect={() => onSelect(d)} />
            ))}
          </ul>
          {detections.length > FIRST && (
            <div className="border-t border-(--border) px-4 py-2">
              <Button size="sm" variant="ghost" onClick={() => setAll((a) => !a)} aria-expanded={all}>
                {all ? "Show fewer" : `Show all ${formatCount(detections.length)} detections`}
              </Button>
            </div>
          )}
        </>
      )}
      {data && data.problems.length > 0 && (
        <p role="alert" className="border-t border-(--border) px-4 py-2 text-xs text-status-fail">
          Some detectors failed on this data: {data.problems.map((p) => p.detector).join(", ")}.
        </p>
      )}
    </section>
  );
}

function DetectionRow({
  detection: d,
  selected,
  onSelect,
}: {
  detection: DetectionWithCheck;
  selected: boolean;
  onSelect: () => void;
}) {
  const where = [d.accountId, d.region].filter(Boolean).join(" / ");
  return (
    <li
      data-detection={d.detector}
      data-severity={d.severity}
      className={cn("grid gap-1.5 px-4 py-3 sm:grid-cols-[6.5rem_minmax(0,1fr)]", selected && "bg-(--accent)/[0.06]")}
    >
      <div>
        <SeverityBadge severity={d.severity} />
      </div>
      <div className="min-w-0 space-y-1">
        <h3 className="flex items-center gap-1.5 text-sm font-semibold">
          <ShieldAlert aria-hidden className="size-4 shrink-0 text-(--muted)" />
          <span>{visibleText(d.title)}</span>
        </h3>
        <p className="text-sm text-(--foreground)/85">
          <SafeText text={d.explanation} limit={2000} />
        </p>
        <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-(--muted)">
          <span className="tabular-nums">{formatEventTime(d.time)} UTC</span>
          {where && <span className="font-mono">{visibleText(where)}</span>}
          <ActorLabel actor={d.actor} className="max-w-[22rem]" />
          <button
            type="button"
            onClick={onSelect}
            aria-pressed={selected}
            className="inline-flex items-center gap-0.5 rounded font-medium text-(--accent) hover:underline"
          >
            {d.eventIds.length === 1 ? "1 event" : `${formatCount(d.eventIds.length)} events`}
            <ChevronRight aria-hidden className="size-3" />
          </button>
          {d.checkId && (
            <Link
              href={`/posture/checks/${encodeURIComponent(d.checkId)}`}
              className="font-medium text-(--accent) hover:underline"
            >
              Affects check: {d.checkTitle ?? d.checkId}
            </Link>
          )}
        </div>
      </div>
    </li>
  );
}
