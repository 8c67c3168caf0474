"use client";

import { FileJson, TriangleAlert } from "lucide-react";
import { useEffect, useState } from "react";
import { formatEventTime, prettyJson, prettyRaw } from "@/components/activity/format";
import { ErrorCode } from "@/components/logs/error-code";
import { SafeText, TextBlock } from "@/components/logs/safe-text";
import { Button } from "@/components/ui/button";
import { DrawerFrame, DrawerLoadError, DrawerSection as Section } from "@/components/ui/drawer";
import { Skeleton } from "@/components/ui/skeleton";
import { useActivityEvent } from "@/hooks/use-activity";
import { ApiError } from "@/lib/api/fetcher";
import type { ActivityEventSummary } from "@/lib/schemas/activity-api";
import type { ActivityPatch } from "../search-params";
import { EventFields, eventTitle } from "./event-fields";

type Props = {
  id: string;
  /** The event as listed, when it is loaded; otherwise the drawer fetches it (a detection's event further back). */
  row: ActivityEventSummary | undefined;
  position: string | null;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
  onFilter: (patch: ActivityPatch) => void;
  canPivotLogs: boolean;
};

const failure = (e: unknown) => (e instanceof ApiError ? e.message : "The request failed.");

/** One event beside the table; raw JSON only on demand, except for an event whose JSON did not parse. */
export function EventDrawer({ id, row, position, onPrev, onNext, onClose, onFilter, canPivotLogs }: Props) {
  const [rawFor, setRawFor] = useState<string | null>(null);
  const wantRaw = rawFor === id || row?.parseError != null;
  const full = useActivityEvent(id, wantRaw || row === undefined);
  const event: ActivityEventSummary | undefined = row ?? full.data;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);

  const request = prettyJson(event?.requestParameters);
  const response = prettyJson(event?.responseElements);
  return (
    <DrawerFrame
      titleId="activity-event-title"
      title={eventTitle(event)}
      subtitle={[event ? `${formatEventTime(event.time)} UTC` : null, position].filter(Boolean).join(" · ")}
      focusKey={id}
      onPrev={onPrev}
      onNext={onNext}
      onClose={onClose}
      labels={{ prev: "Previous event", next: "Next event", close: "Close event (Esc)" }}
      width="w-[min(44rem,100vw)]"
    >
      {!event ? (
        full.error ? (
          <DrawerLoadError title="This event could not be loaded" onRetry={() => void full.refetch()}>
            {full.error instanceof ApiError && full.error.code === "not_found"
              ? "CloudTrail no longer has it (lookups reach 90 days back), or it is outside the configured accounts."
              : failure(full.error)}
          </DrawerLoadError>
        ) : (
          <div className="space-y-4 p-5" aria-label="Loading event">
            <Skeleton className="h-6 w-2/3" />
            <Skeleton className="h-48" />
          </div>
        )
      ) : (
        <>
          {event.parseError && (
            <div
              role="alert"
              className="mx-5 mt-4 flex gap-2 rounded-lg border border-amber-500/30 bg-amber-500/[0.07] p-3 text-sm"
            >
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
              <div className="min-w-0">
                <p className="font-medium">CloudTrail&apos;s JSON for this event could not be read</p>
                <p className="mt-0.5 text-(--muted)">
                  <SafeText text={event.parseError} limit={1000} />. The fields below are the ones the lookup gave outside it; the
                  raw text is below.
                </p>
              </div>
            </div>
          )}
          {event.errorCode && (
            <div className="px-5 pt-4">
              <ErrorCode code={event.errorCode} />
            </div>
          )}
          <Section title="Event">
            <EventFields event={event} canPivotLogs={canPivotLogs} onFilter={onFilter} />
          </Section>
          <Section title="Request parameters">
            {request ? (
              <TextBlock text={request} label="Request parameters" />
            ) : (
              <p className="text-sm text-(--muted)">None recorded.</p>
            )}
          </Section>
          <Section title="Response elements">
            {response ? (
              <TextBlock text={response} label="Response elements" />
            ) : (
              <p className="text-sm text-(--muted)">None recorded.</p>
            )}
          </Section>
          <Section title="Raw event">
            {!wantRaw ? (
              <Button size="sm" onClick={() => setRawFor(id)}>
                <FileJson aria-hidden /> Show raw event
              </Button>
            ) : full.data ? (
              <TextBlock text={prettyRaw(full.data.raw)} label="Raw CloudTrail event" />
            ) : full.error ? (
              <p role="alert" className="text-sm text-status-fail">
                {failure(full.error)}{" "}
                <button type="button" className="font-medium text-(--accent) hover:underline" onClick={() => void full.refetch()}>
                  Try again
                </button>
              </p>
            ) : (
              <Skeleton className="h-32" />
            )}
          </Section>
        </>
      )}
    </DrawerFrame>
  );
}
