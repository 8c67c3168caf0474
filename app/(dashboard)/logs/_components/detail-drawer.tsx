"use client";

import { ChevronDown, ChevronUp, Link2, RotateCcw, X } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { CrossRegionMark, ErrorCode, GuardrailBadge, PolicyBadge } from "@/components/logs/badges";
import { SafeText } from "@/components/logs/safe-text";
import { visibleText } from "@/components/logs/escape";
import { shortModel } from "@/components/logs/format";
import { useCopy } from "@/hooks/use-copy";
import { useLogRecord } from "@/hooks/use-logs";
import { ApiError } from "@/lib/api/fetcher";
import type { LogDetail } from "@/lib/schemas/log-detail";
import type { LogsPatch } from "../search-params";
import { BodiesPanel } from "./bodies-panel";
import { formatRowTime } from "./columns";
import { Figures, MetadataTable, RequestFields, S3Paths, Section } from "./detail-sections";
import { GuardrailTrace } from "./guardrail-trace";

type Props = {
  id: string;
  position: string | null;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
  onFilter: (patch: LogsPatch) => void;
  meta: string[];
};

const TYPING = "input, textarea, select, [contenteditable=true]";

/** The record's detail beside the table; Esc closes, j/k (or ↓/↑ outside the panel) move through the filtered results. */
export function DetailDrawer({ id, position, onPrev, onNext, onClose, onFilter, meta }: Props) {
  const record = useLogRecord(id);
  // A reveal is for this record only: moving to another record drops it.
  const [revealed, setRevealed] = useState<LogDetail | null>(null);
  const shown = revealed && revealed.id === id ? revealed : null;
  const heading = useRef<HTMLHeadingElement>(null);
  const panel = useRef<HTMLElement>(null);
  const copy = useCopy();

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [id]);

  // On close, focus goes back to the row of the record last shown (j/k may have moved since opening).
  const lastId = useRef(id);
  useEffect(() => {
    lastId.current = id;
  }, [id]);
  useEffect(
    () => () => {
      const row = document.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(lastId.current)}"] td button`);
      row?.focus({ preventScroll: true });
    },
    [],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target instanceof Element ? e.target : null;
      // A modal (the reveal dialog) or a form field owns its keys.
      if (target?.closest("dialog") || target?.closest(TYPING)) return;
      const inPanel = target ? (panel.current?.contains(target) ?? false) : false;
      if (e.key === "Escape") {
        e.preventDefault();
        onClose();
      } else if (e.key === "j" || (e.key === "ArrowDown" && !inPanel)) {
        if (!onNext) return;
        e.preventDefault();
        onNext();
      } else if (e.key === "k" || (e.key === "ArrowUp" && !inPanel)) {
        if (!onPrev) return;
        e.preventDefault();
        onPrev();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose, onNext, onPrev]);

  const detail = record.data;
  return (
    <aside
      ref={panel}
      role="dialog"
      aria-modal="false"
      aria-labelledby="log-detail-title"
      className="fixed inset-y-0 right-0 z-40 flex w-[min(46rem,100vw)] flex-col border-l border-(--border) bg-(--card) shadow-[-16px_0_48px_-12px_rgb(15_23_42/0.25)]"
    >
      <header className="flex items-center gap-2 border-b border-(--border) px-5 py-3">
        <div className="min-w-0 flex-1">
          <h2
            id="log-detail-title"
            ref={heading}
            tabIndex={-1}
            className="truncate text-base font-semibold tracking-tight outline-none"
          >
            {detail?.modelId ? visibleText(shortModel(detail.modelId)) : "Invocation"}
          </h2>
          <p className="text-xs text-(--muted) tabular-nums">
            {[detail ? `${formatRowTime(detail.timestamp)} UTC` : null, position].filter(Boolean).join(" · ") || " "}
          </p>
        </div>
        <div className="flex items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            onClick={onPrev ?? undefined}
            disabled={!onPrev}
            aria-label="Previous record (k)"
            title="Previous (k)"
          >
            <ChevronUp aria-hidden />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={onNext ?? undefined}
            disabled={!onNext}
            aria-label="Next record (j)"
            title="Next (j)"
          >
            <ChevronDown aria-hidden />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label="Copy link to this record"
            title="Copy link"
            onClick={() => void copy(window.location.href, "Link")}
          >
            <Link2 aria-hidden />
          </Button>
          <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close detail (Esc)" title="Close (Esc)">
            <X aria-hidden />
          </Button>
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain" aria-busy={record.isFetching}>
        {record.error ? (
          <div role="alert" className="m-5 rounded-lg border border-status-fail/30 bg-status-fail/5 p-4 text-sm">
            <p className="font-medium">This record could not be loaded</p>
            <p className="mt-1 text-(--muted)">
              {record.error instanceof ApiError ? record.error.message : "The request failed."}
            </p>
            <Button size="sm" className="mt-3" onClick={() => void record.refetch()}>
              <RotateCcw aria-hidden /> Try again
            </Button>
          </div>
        ) : !detail ? (
          <div className="space-y-4 p-5" aria-label="Loading record">
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-20" />
            <Skeleton className="h-48" />
          </div>
        ) : (
          <>
            <div className="flex flex-wrap items-center gap-1.5 px-5 py-3">
              <GuardrailBadge action={detail.guardrail.action} />
              {detail.guardrail.policyTypes.map((t) => (
                <PolicyBadge key={t} type={t} />
              ))}
              {detail.errorCode && <ErrorCode code={detail.errorCode} />}
              {detail.crossRegion && <CrossRegionMark region={detail.region} inferenceRegion={detail.inferenceRegion} />}
              {detail.operation && <span className="font-mono text-xs text-(--muted)">{visibleText(detail.operation)}</span>}
            </div>
            <div className="px-5 pb-4">
              <Figures detail={detail} />
            </div>
            {detail.errorCode && (
              <Section title="Error">
                <p className="font-mono text-xs font-medium">{visibleText(detail.errorCode)}</p>
                {detail.errorMessage && (
                  <p className="mt-1 max-h-40 overflow-auto text-sm">
                    <SafeText text={detail.errorMessage} limit={4000} />
                  </p>
                )}
              </Section>
            )}
            <Section title="Guardrail">
              {detail.guardrail.action === null ? (
                <p className="text-sm text-(--muted)">
                  {detail.guardrailId === null ? (
                    "No guardrail was applied to this call."
                  ) : (
                    <>
                      The request named guardrail{" "}
                      <span className="font-mono text-(--foreground)">{visibleText(detail.guardrailId)}</span>, but the record
                      carries no guardrail outcome (trace off).
                    </>
                  )}
                </p>
              ) : (
                <>
                  <p className="mb-2.5 text-xs text-(--muted)">
                    {detail.guardrailId && (
                      <>
                        Guardrail <span className="font-mono text-(--foreground)">{visibleText(detail.guardrailId)}</span>
                        {detail.guardrail.source && " · "}
                      </>
                    )}
                    {detail.guardrail.source && (
                      <>
                        Source <span className="font-mono text-(--foreground)">{visibleText(detail.guardrail.source)}</span>
                      </>
                    )}
                    {detail.guardrail.side && (
                      <> · evaluated on {detail.guardrail.side === "both" ? "input and output" : detail.guardrail.side}</>
                    )}
                  </p>
                  <GuardrailTrace findings={detail.guardrail.findings} />
                </>
              )}
            </Section>
            <Section title="Prompt and response">
              <S3Paths paths={detail.bodyS3Paths} />
              <BodiesPanel detail={detail} revealed={shown} onRevealed={setRevealed} onHide={() => setRevealed(null)} />
            </Section>
            <Section title="Request">
              <RequestFields detail={detail} onFilter={onFilter} />
            </Section>
            <Section title="Request metadata">
              <MetadataTable metadata={detail.requestMetadata} onFilter={onFilter} current={meta} />
            </Section>
          </>
        )}
      </div>
    </aside>
  );
}
