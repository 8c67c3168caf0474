import "server-only";
import type { ActivityEvent, Detection } from "@/lib/schemas/activity";
import { REDACTED, defineDetector, makeDetection, member, record, succeeded, where, who } from "../detector";

const SOURCE = "bedrock.amazonaws.com";
const DESTINATIONS = { s3Config: "S3", cloudWatchConfig: "CloudWatch Logs" } as const;

function destinations(config: Record<string, unknown>): string[] {
  return Object.entries(DESTINATIONS).flatMap(([key, label]) => (record(member(config, key)) ? [label] : []));
}

/**
 * Bedrock model-invocation logging switched off or hollowed out. Severity by what happened:
 * deleted → critical; re-put with no destination → critical; text delivery off → high; a
 * destination dropped compared with the previous Put in the stream → medium; a Put whose request
 * CloudTrail redacted → medium ("could not be inspected"); a Delete denied by IAM → medium, because
 * someone tried to blind the audit trail even though it failed.
 */
const detector = defineDetector({
  id: "invocation-logging-disabled",
  title: "Model invocation logging deleted or weakened",
  severity: "critical",
  description:
    "DeleteModelInvocationLoggingConfiguration, or PutModelInvocationLoggingConfiguration that turns text delivery off or removes destinations.",
  checkId: "bedrock-invocation-logging-enabled",
  detect(events) {
    const out: Detection[] = [];
    const previous = new Map<string, string[]>();
    const emit = (e: ActivityEvent, severity: Detection["severity"], title: string, why: string, checkId: string) =>
      out.push(makeDetection(detector, { severity, title, explanation: `${who(e)} ${why}`, checkId, events: [e] }));

    for (const e of events) {
      if (e.source !== SOURCE) continue;
      const scope = `${e.accountId ?? ""}|${e.region ?? ""}`;
      if (e.name === "DeleteModelInvocationLoggingConfiguration") {
        if (succeeded(e)) {
          previous.delete(scope);
          emit(
            e,
            "critical",
            "Model invocation logging deleted",
            `deleted the model-invocation logging configuration in ${where(e)}. From now on no prompt, response or caller of InvokeModel/Converse is recorded there, so misuse and data leaks through Bedrock go unseen.`,
            "bedrock-invocation-logging-enabled",
          );
        } else {
          emit(
            e,
            "medium",
            "Attempt to delete model invocation logging was refused",
            `tried to delete the model-invocation logging configuration in ${where(e)} and was refused (${e.errorCode ?? "error"}). Logging is unchanged, but an attempt to blind Bedrock's audit trail deserves a look at who this is.`,
            "bedrock-invocation-logging-enabled",
          );
        }
        continue;
      }
      if (e.name !== "PutModelInvocationLoggingConfiguration" || !succeeded(e)) continue;
      const config = record(member(e.requestParameters, "loggingConfig"));
      if (!config) {
        const redacted = JSON.stringify(e.requestParameters ?? null).includes(REDACTED);
        emit(
          e,
          "medium",
          "Model invocation logging changed; the change could not be inspected",
          `replaced the model-invocation logging configuration in ${where(e)}, but CloudTrail ${redacted ? "redacted" : "did not record"} the new settings. Check the logging page: if text delivery or a destination was turned off, Bedrock prompts and responses are no longer recorded.`,
          "bedrock-invocation-logging-enabled",
        );
        continue;
      }
      const now = destinations(config);
      const before = previous.get(scope);
      previous.set(scope, now);
      if (now.length === 0) {
        emit(
          e,
          "critical",
          "Model invocation logging has no destination",
          `set model-invocation logging in ${where(e)} without any S3 or CloudWatch Logs destination, so nothing Bedrock is asked or answers is recorded.`,
          "bedrock-invocation-logging-enabled",
        );
      } else if (member(config, "textDataDeliveryEnabled") !== true) {
        emit(
          e,
          "high",
          "Text delivery turned off in model invocation logging",
          `set model-invocation logging in ${where(e)} with text data delivery off. Logs still arrive, but without the prompts and completions: investigations of prompt injection or data leakage have nothing to read.`,
          "bedrock-invocation-logging-text-delivery",
        );
      } else if (before) {
        const dropped = before.filter((d) => !now.includes(d));
        if (dropped.length > 0)
          emit(
            e,
            "medium",
            "Model invocation logging destination removed",
            `removed the ${dropped.join(" and ")} destination from model-invocation logging in ${where(e)}; logs now go only to ${now.join(" and ")}, which loses the copy that retention or alerting relied on.`,
            "bedrock-invocation-logging-both-destinations",
          );
      }
    }
    return out;
  },
});

export default detector;
