import "server-only";
import { createHash } from "node:crypto";
import type { ActivityEvent, Detection } from "@/lib/schemas/activity";
import type { GuardrailPosture } from "./guardrail-posture";

type Severity = Detection["severity"];

/**
 * What detectors need besides the events, built by the caller from the latest scan's inventories
 * (see detectionContextFromInventories). Every field may be empty: a detector then relies on the
 * events alone and, where it needs a baseline, says it could not compare.
 */
export type DetectionContext = {
  /** ARNs and key ids of KMS keys that encrypt Bedrock resources; ScheduleKeyDeletion/DisableKey of one fires. */
  bedrockKeyArns: ReadonlySet<string>;
  /** Organizations policy id (p-…) → what the SCP guards, for SCPs that restrict Bedrock. */
  bedrockGuardingScps: ReadonlyMap<string, { name: string; checkId: string | null }>;
  /**
   * `${accountId}|${region}|${guardrailId}` → the DRAFT configuration seen by the scan (UpdateGuardrail
   * edits DRAFT). It is the state at `collectedAt`, so it is a baseline only for later events.
   */
  guardrails: ReadonlyMap<string, AsOf<GuardrailPosture>>;
  /** `${accountId}|${trailName}` → AWS::Bedrock::* data-event types the trail logged at `collectedAt`. */
  trailBedrockDataTypes: ReadonlyMap<string, AsOf<readonly string[]>>;
};

/** A scan's view of something, and when the scan saw it. */
export type AsOf<T> = { value: T; collectedAt: string };

/**
 * The scan's state as a baseline for an event: only when the event came after the scan. An event
 * before it may be the very change that produced that state, and comparing with it would hide it.
 */
export function baselineFor<T>(entry: AsOf<T> | undefined, eventTime: string): T | undefined {
  if (!entry) return undefined;
  const [scan, event] = [Date.parse(entry.collectedAt), Date.parse(eventTime)];
  return !Number.isNaN(scan) && !Number.isNaN(event) && event > scan ? entry.value : undefined;
}

export const EMPTY_CONTEXT: DetectionContext = {
  bedrockKeyArns: new Set(),
  bedrockGuardingScps: new Map(),
  guardrails: new Map(),
  trailBedrockDataTypes: new Map(),
};

export type Detector = {
  /** kebab-case, equals the file name. */
  id: string;
  title: string;
  /** The highest severity the detector emits; individual detections may be lower (documented per detector). */
  severity: Severity;
  description: string;
  checkId: string | null;
  /** Receives events sorted oldest first. Pure: no I/O. */
  detect(events: readonly ActivityEvent[], context: DetectionContext): Detection[];
};

export function defineDetector(detector: Detector): Detector {
  return detector;
}

/** A call that CloudTrail recorded with an error did not change anything. */
export function succeeded(e: ActivityEvent): boolean {
  return e.errorCode === null || e.errorCode === "";
}

export const REDACTED = "HIDDEN_DUE_TO_SECURITY_REASONS";

export function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** A member looked up case-insensitively: CloudTrail keeps each service's casing (trailName vs TrailName). */
export function member(value: unknown, name: string): unknown {
  const r = record(value);
  if (!r) return undefined;
  if (name in r) return r[name];
  const lower = name.toLowerCase();
  const key = Object.keys(r).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : r[key];
}

export function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Stable across runs: the same detector and triggering events always give the same id. */
function detectionId(detector: string, eventIds: readonly string[]): string {
  const digest = createHash("sha256").update(eventIds.join("\n")).digest("hex").slice(0, 16);
  return `${detector}:${digest}`;
}

type DetectionDraft = {
  severity: Severity;
  title: string;
  explanation: string;
  checkId: string | null;
  /** The events that triggered it, oldest first; the detection takes time, place and actor from the last one. */
  events: readonly ActivityEvent[];
};

export function makeDetection(detector: Detector | string, draft: DetectionDraft): Detection {
  const id = typeof detector === "string" ? detector : detector.id;
  const last = draft.events[draft.events.length - 1];
  if (!last) throw new Error(`Detector ${id} produced a detection without events`);
  const eventIds = draft.events.map((e) => e.id);
  return {
    id: detectionId(id, eventIds),
    detector: id,
    severity: draft.severity,
    title: draft.title,
    explanation: draft.explanation,
    time: last.time,
    accountId: last.accountId,
    region: last.region,
    actor: last.actor,
    eventIds,
    checkId: draft.checkId,
  };
}

/** "arn:aws:iam::1:user/alice" → a readable who for explanations. */
export function who(e: ActivityEvent): string {
  return e.actor.name ?? e.actor.arn ?? e.actor.accessKeyId ?? "an unknown principal";
}

export function where(e: ActivityEvent): string {
  return [e.accountId && `account ${e.accountId}`, e.region].filter(Boolean).join(", ") || "an unknown account";
}
