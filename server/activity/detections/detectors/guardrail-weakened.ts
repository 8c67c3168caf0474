import "server-only";
import type { ActivityEvent, Detection } from "@/lib/schemas/activity";
import { baselineFor, defineDetector, makeDetection, member, succeeded, text, where, who } from "../detector";
import { postureFromRequest, weakenings, type GuardrailPosture } from "../guardrail-posture";

const SOURCE = "bedrock.amazonaws.com";

/** guardrailIdentifier is an id or an ARN (…:guardrail/<id>); the id is what both share. */
function guardrailId(e: ActivityEvent): string | undefined {
  const ref = text(member(e.requestParameters, "guardrailIdentifier")) ?? text(member(e.responseElements, "guardrailId"));
  return ref?.split("/").pop();
}

/**
 * A guardrail deleted (high) or an UpdateGuardrail that enforces less than the configuration
 * before it (high). The baseline is the latest Create/UpdateGuardrail of the same guardrail in the
 * stream, else the DRAFT from the last scan (context) when the update came after that scan. An update that cannot be compared (no
 * baseline, or CloudTrail recorded no policy) is reported as low: guardrail changes are rare and
 * worth a glance, but nothing says it weakened. An update that only keeps or raises strengths is
 * silent.
 */
const detector = defineDetector({
  id: "guardrail-weakened",
  title: "Guardrail deleted or weakened",
  severity: "high",
  description:
    "DeleteGuardrail, or UpdateGuardrail lowering a content or prompt-attack filter, a grounding threshold, a PII action, or removing denied topics.",
  checkId: "bedrock-guardrail-content-filters",
  detect(events, context) {
    const out: Detection[] = [];
    // In-stream configurations win over the scan's: they are what the guardrail was just before.
    // An entry without a value is a change we could not read (redacted update, delete): the scan's
    // configuration is a baseline after it only if the scan came later still.
    const seen = new Map<string, { value?: GuardrailPosture; time: string }>();
    const baseline = (key: string, time: string) => {
      const last = seen.get(key);
      if (last?.value) return last.value;
      const scan = context.guardrails.get(key);
      if (last && scan && Date.parse(scan.collectedAt) <= Date.parse(last.time)) return undefined;
      return baselineFor(scan, time);
    };
    for (const e of events) {
      if (e.source !== SOURCE || !succeeded(e)) continue;
      const id = guardrailId(e);
      if (!id) continue;
      const key = `${e.accountId ?? ""}|${e.region ?? ""}|${id}`;
      if (e.name === "DeleteGuardrail") {
        const version = text(member(e.requestParameters, "guardrailVersion"));
        // Deleting a numbered version leaves the DRAFT (what updates edit) as it was.
        if (!version) seen.set(key, { time: e.time });
        out.push(
          makeDetection(detector, {
            severity: "high",
            title: version ? `Guardrail ${id} version ${version} deleted` : `Guardrail ${id} deleted`,
            explanation: `${who(e)} deleted guardrail ${id}${version ? ` version ${version}` : ""} in ${where(e)}. Agents, flows, enforced configurations and IAM conditions that name it no longer get its content, PII and prompt-attack filtering; depending on how callers handle the missing guardrail, model calls may now run unfiltered or fail.`,
            checkId: "bedrock-guardrail-exists",
            events: [e],
          }),
        );
        continue;
      }
      if (e.name !== "CreateGuardrail" && e.name !== "UpdateGuardrail") continue;
      const after = postureFromRequest(e.requestParameters);
      const before = baseline(key, e.time);
      seen.set(key, after ? { value: after, time: e.time } : { time: e.time });
      if (e.name === "CreateGuardrail") continue;
      if (!after || !before) {
        out.push(
          makeDetection(detector, {
            severity: "low",
            title: `Guardrail ${id} updated; the change could not be compared`,
            explanation: `${who(e)} updated guardrail ${id} in ${where(e)}, but ${after ? unknownBefore(context.guardrails.get(key)?.collectedAt, e.time) : "CloudTrail did not record the new policies"}, so Strata cannot tell whether a filter was lowered. Compare the guardrail page with what you expect.`,
            checkId: "bedrock-guardrail-content-filters",
            events: [e],
          }),
        );
        continue;
      }
      const lost = weakenings(before, after);
      const first = lost[0];
      if (!first) continue;
      out.push(
        makeDetection(detector, {
          severity: "high",
          title: `Guardrail ${id} weakened`,
          explanation: `${who(e)} updated guardrail ${id} in ${where(e)}: ${lost.map((w) => w.what).join("; ")}. Content the guardrail used to block now reaches the model or the user; a weakened guardrail is a common step before abusing a model.`,
          checkId: first.checkId,
          events: [e],
        }),
      );
    }
    return out;
  },
});

/** Why no configuration before an update is known: nothing in the window, and the scan saw it only later (or never). */
function unknownBefore(scannedAt: string | undefined, changedAt: string): string {
  const window = "no Create/UpdateGuardrail before it in the range read";
  if (scannedAt === undefined) return `no earlier configuration of it is known (${window}, and no scan has collected it)`;
  if (Date.parse(scannedAt) > Date.parse(changedAt))
    return `no earlier configuration of it is known (${window}, and the last scan collected it on ${scannedAt.slice(0, 10)}, after this change)`;
  return `no earlier configuration of it is known (${window})`;
}

export default detector;
