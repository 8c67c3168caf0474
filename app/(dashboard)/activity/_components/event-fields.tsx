import { ExternalLink, Filter } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { formatEventTime } from "@/components/activity/format";
import { visibleText } from "@/components/logs/escape";
import { SafeText } from "@/components/logs/safe-text";
import type { ActivityEventSummary } from "@/lib/schemas/activity-api";
import type { ActivityPatch } from "../search-params";

function Row({ label, value, mono, children }: { label: string; value: string | null; mono?: boolean; children?: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_minmax(0,1fr)] gap-3 py-1.5 text-sm">
      <dt className="text-xs text-(--muted)">{label}</dt>
      <dd className="min-w-0">
        {value ? (
          <SafeText text={value} limit={4000} className={mono ? "font-mono text-xs" : undefined} />
        ) : (
          <span className="text-(--muted)">–</span>
        )}
        {children}
      </dd>
    </div>
  );
}

const linkClass = "inline-flex items-center gap-1 rounded text-xs font-medium text-(--accent) hover:underline";

/** Every normalised field of the event; strings are CloudTrail's, so they render through SafeText. */
export function EventFields({
  event,
  canPivotLogs,
  onFilter,
}: {
  event: ActivityEventSummary;
  canPivotLogs: boolean;
  onFilter: (patch: ActivityPatch) => void;
}) {
  const arn = event.actor.arn;
  const readOnly = event.readOnly === null ? null : event.readOnly ? "Yes (read-only call)" : "No (a change)";
  return (
    <dl className="divide-y divide-(--border)/60">
      <Row label="Time (UTC)" value={`${formatEventTime(event.time)} (${event.time})`} mono />
      <Row label="Event" value={event.name} mono />
      <Row label="Service" value={event.source} mono />
      <Row label="Account" value={event.accountId} mono />
      <Row label="Region" value={event.region} mono />
      <Row label="Read-only" value={readOnly} />
      <Row label="Actor" value={event.actor.name} />
      <Row label="Identity type" value={event.actor.type} />
      <Row label="Actor ARN" value={arn} mono>
        {arn && (
          <span className="mt-1 flex flex-wrap gap-3">
            <button type="button" className={linkClass} onClick={() => onFilter({ actor: arn, id: null, det: null })}>
              <Filter aria-hidden className="size-3" /> Only this actor
            </button>
            {canPivotLogs && (
              <Link className={linkClass} href={`/logs?${new URLSearchParams({ principal: arn, range: "30d" }).toString()}`}>
                <ExternalLink aria-hidden className="size-3" /> Invocations by this principal
              </Link>
            )}
          </span>
        )}
      </Row>
      <Row label="Access key" value={event.actor.accessKeyId} mono />
      <Row label="Source IP" value={event.sourceIp} mono />
      <Row label="User agent" value={event.userAgent} mono />
      <Row label="Error code" value={event.errorCode} mono />
      <Row label="Error message" value={event.errorMessage} />
      <Row
        label="Resources"
        value={
          event.resources.length === 0 ? null : event.resources.map((r) => [r.type, r.name].filter(Boolean).join(": ")).join("\n")
        }
        mono
      />
      <Row label="Event id" value={event.id} mono />
    </dl>
  );
}

export function eventTitle(event: ActivityEventSummary | undefined): string {
  return event ? visibleText(event.name) : "Event";
}
