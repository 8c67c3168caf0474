"use client";

import { Link2 } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { DrawerFrame, DrawerLoadError, DrawerSection as Section } from "@/components/ui/drawer";
import { Skeleton } from "@/components/ui/skeleton";
import { CrossRegionMark, GuardrailBadge, PolicyBadge } from "@/components/logs/badges";
import { ErrorCode } from "@/components/logs/error-code";
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
import { Figures, MetadataTable, RequestFields, S3Paths } from "./detail-sections";
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
  const panel = useRef<HTMLElement>(null);
  const copy = useCopy();

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
    <DrawerFrame
      panelRef={panel}
      titleId="log-detail-title"
      title={detail?.modelId ? visibleText(shortModel(detail.modelId)) : "Invocation"}
      subtitle={[detail ? `${formatRowTime(detail.timestamp)} UTC` : null, position].filter(Boolean).join(" · ")}
      focusKey={id}
      onPrev={onPrev}
      onNext={onNext}
      onClose={onClose}
      labels={{ prev: "Previous record (k)", next: "Next record (j)", close: "Close detail (Esc)" }}
      keys={{ prev: "k", next: "j" }}
      actions={
        <Button
          size="sm"
          variant="ghost"
          aria-label="Copy link to this record"
          title="Copy link"
          onClick={() => void copy(window.location.href, "Link")}
        >
          <Link2 aria-hidden />
        </Button>
      }
      width="w-[min(46rem,100vw)]"
      busy={record.isFetching}
    >
      {record.error ? (
        <DrawerLoadError title="This record could not be loaded" onRetry={() => void record.refetch()}>
          {record.error instanceof ApiError ? record.error.message : "The request failed."}
        </DrawerLoadError>
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
    </DrawerFrame>
  );
}
