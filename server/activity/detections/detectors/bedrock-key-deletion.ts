import "server-only";
import type { ActivityEvent, Detection } from "@/lib/schemas/activity";
import { defineDetector, makeDetection, member, succeeded, text, where, who } from "../detector";

/** A key ARN and its bare id name the same key; compare by id. */
const keyIdOf = (ref: string) => ref.split(":key/").pop() ?? ref;

/** Every way the event names the key: request keyId (id or ARN), response keyId (ARN), resources. */
function keyRefs(e: ActivityEvent): string[] {
  return [
    text(member(e.requestParameters, "keyId")),
    text(member(e.responseElements, "keyId")),
    ...e.resources.map((r) => r.name ?? undefined),
  ].filter((r): r is string => r !== undefined);
}

/**
 * ScheduleKeyDeletion (critical: after the waiting period everything the key encrypts is gone for
 * good) or DisableKey (high: Bedrock can no longer decrypt, so the resources stop working) of a key
 * that the last scan saw encrypting a Bedrock resource. Keys not in context.bedrockKeyArns are
 * ignored: the inventory is the only way to know a key matters to Bedrock.
 */
const detector = defineDetector({
  id: "bedrock-key-deletion",
  title: "KMS key used by Bedrock scheduled for deletion or disabled",
  severity: "critical",
  description: "ScheduleKeyDeletion or DisableKey of a KMS key that encrypts a Bedrock resource in the last scan.",
  checkId: "bedrock-kms-key-policy-admits-bedrock",
  detect(events, context) {
    const out: Detection[] = [];
    const bedrockKeys = new Set([...context.bedrockKeyArns].map(keyIdOf));
    for (const e of events) {
      if (e.source !== "kms.amazonaws.com" || !succeeded(e)) continue;
      if (e.name !== "ScheduleKeyDeletion" && e.name !== "DisableKey") continue;
      const refs = keyRefs(e);
      if (!refs.some((r) => bedrockKeys.has(keyIdOf(r)))) continue;
      const key = refs[0] ?? "a key";
      const days = member(e.requestParameters, "pendingWindowInDays");
      const scheduled = e.name === "ScheduleKeyDeletion";
      out.push(
        makeDetection(detector, {
          severity: scheduled ? "critical" : "high",
          title: scheduled ? "KMS key used by Bedrock scheduled for deletion" : "KMS key used by Bedrock disabled",
          explanation: scheduled
            ? `${who(e)} scheduled KMS key ${key} for deletion in ${where(e)}${typeof days === "number" ? ` (in ${days} days)` : ""}. Bedrock resources encrypted with it (custom models, agents, knowledge bases, guardrails, prompts or flows) become unreadable for ever once it is deleted; cancel the deletion if this was not planned.`
            : `${who(e)} disabled KMS key ${key} in ${where(e)}. Bedrock can no longer decrypt the resources encrypted with it, so they stop working until the key is enabled again.`,
          checkId: "bedrock-kms-key-policy-admits-bedrock",
          events: [e],
        }),
      );
    }
    return out;
  },
});

export default detector;
