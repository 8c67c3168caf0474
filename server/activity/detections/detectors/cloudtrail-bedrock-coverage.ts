import "server-only";
import type { Detection } from "@/lib/schemas/activity";
import { baselineFor, defineDetector, makeDetection, member, succeeded, text, where, who } from "../detector";
import { bedrockTypesFromRequest, trailName } from "../trail-selectors";

/**
 * CloudTrail stopped (StopLogging, high), a trail deleted (DeleteTrail, high), or PutEventSelectors
 * that drops Bedrock data-event types the trail logged before (medium). The "before" is the
 * previous PutEventSelectors of the same trail in the stream, else the selectors the last scan saw
 * (context.trailBedrockDataTypes) if the Put came after that scan; with neither, a Put cannot be said to remove anything and stays
 * silent, as does one that keeps or adds Bedrock types.
 */
const detector = defineDetector({
  id: "cloudtrail-bedrock-coverage",
  title: "CloudTrail stopped, deleted or its Bedrock data events removed",
  severity: "high",
  description: "StopLogging, DeleteTrail, or PutEventSelectors removing AWS::Bedrock::* data-event selectors.",
  checkId: "cloudtrail-bedrock-data-events",
  detect(events, context) {
    const out: Detection[] = [];
    const seen = new Map<string, readonly string[]>();
    for (const e of events) {
      if (e.source !== "cloudtrail.amazonaws.com" || !succeeded(e)) continue;
      if (e.name === "StopLogging" || e.name === "DeleteTrail") {
        const name = trailName(text(member(e.requestParameters, "name")) ?? "a trail");
        const stopped = e.name === "StopLogging";
        out.push(
          makeDetection(detector, {
            severity: "high",
            title: stopped ? `CloudTrail trail ${name} stopped logging` : `CloudTrail trail ${name} deleted`,
            explanation: `${who(e)} ${stopped ? "stopped logging on" : "deleted"} trail ${name} in ${where(e)}. Changes to Bedrock guardrails, logging and keys, and calls to models, are no longer delivered by this trail, so later tampering may leave no durable record (LookupEvents keeps only 90 days of management events).`,
            checkId: "cloudtrail-multi-region-logging",
            events: [e],
          }),
        );
        continue;
      }
      if (e.name !== "PutEventSelectors") continue;
      const ref = text(member(e.requestParameters, "trailName"));
      if (!ref) continue;
      const key = `${e.accountId ?? ""}|${trailName(ref)}`;
      const before = seen.get(key) ?? baselineFor(context.trailBedrockDataTypes.get(key), e.time);
      const now = bedrockTypesFromRequest(e.requestParameters);
      seen.set(key, now);
      const removed = (before ?? []).filter((t) => !now.includes(t));
      if (removed.length === 0) continue;
      out.push(
        makeDetection(detector, {
          severity: "medium",
          title: `Bedrock data events removed from trail ${trailName(ref)}`,
          explanation: `${who(e)} changed the event selectors of trail ${trailName(ref)} in ${where(e)} so it no longer logs ${removed.join(", ")} data events. Agent invocations, knowledge-base retrievals, guardrail evaluations and similar calls of those types stop being recorded.`,
          checkId: "cloudtrail-bedrock-data-events",
          events: [e],
        }),
      );
    }
    return out;
  },
});

export default detector;
