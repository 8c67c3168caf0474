import "server-only";
import type { Event as LookupEvent } from "@aws-sdk/client-cloudtrail";
import { lookupEvent, type EventSpec } from "./kit";
import { incidentEvents, type IncidentTag } from "./incident";
import { adminEvents } from "./admin";
import { routineEvents } from "./routine";

/** The demo history spans what LookupEvents would return: its 90-day window. */
export const HISTORY_DAYS = 90;

export type DemoHistory = {
  /** LookupEvents-shaped, newest first (as CloudTrail returns them). */
  events: LookupEvent[];
  /** The incident's events by role in the story, each newest first, for tests and for pointing the UI at them. */
  incident: Record<IncidentTag, { id: string; time: string; name: string; region: string }[]>;
};

const TAGS: readonly IncidentTag[] = [
  "recon",
  "loggingDeleted",
  "textDeliveryOff",
  "guardrailBaseline",
  "guardrailWeakened",
  "probe",
];

let cached: { end: number; history: DemoHistory } | undefined;

/**
 * The demo estate's CloudTrail history over [end − 90 days, end): a pure function of `end`'s UTC
 * day and hour grid, so the same `end` gives byte-identical events. The stolen key's bursts are the
 * invocation-log generator's (server/logs/demo/schedule.ts).
 */
export function demoHistory(end: Date): DemoHistory {
  if (cached?.end === end.getTime()) return cached.history;
  const endMs = end.getTime();
  const startMs = endMs - HISTORY_DAYS * 86_400_000;
  const tagged: (EventSpec & { tag?: IncidentTag })[] = [
    ...routineEvents(end, HISTORY_DAYS),
    ...adminEvents(end),
    ...incidentEvents(end),
  ];
  const inWindow = tagged.filter((e) => e.time >= startMs && e.time < endMs);
  // Ids come from the event's content and position in time, not from generation order.
  const built = inWindow.map((spec) => ({
    spec,
    event: lookupEvent(
      spec,
      `${spec.account}/${spec.region}/${spec.name}/${spec.time}/${String(spec.tag)}/${JSON.stringify(spec.request ?? null)}`,
    ),
  }));
  built.sort((a, b) => b.spec.time - a.spec.time || (a.event.EventId ?? "").localeCompare(b.event.EventId ?? ""));
  const incident = Object.fromEntries(
    TAGS.map((t) => [t, [] as DemoHistory["incident"][IncidentTag]]),
  ) as DemoHistory["incident"];
  for (const { spec, event } of built) {
    if (spec.tag === undefined) continue;
    incident[spec.tag].push({
      id: event.EventId ?? "",
      time: new Date(spec.time).toISOString(),
      name: spec.name,
      region: spec.region,
    });
  }
  const history = { events: built.map((b) => b.event), incident };
  cached = { end: endMs, history };
  return history;
}
