import "server-only";
import type { Detection } from "@/lib/schemas/activity";
import { defineDetector, makeDetection, member, succeeded, text, where, who } from "../detector";

/**
 * The reference (bedrock-formats §3.2b) names the call DeleteEnforcedGuardrailConfiguration, next to
 * ListEnforcedGuardrailsConfiguration with a plural "Guardrails". The CloudTrail eventName is the
 * operation name; neither spelling has been seen in a real event (unverified), so both are accepted.
 */
const DELETE_NAMES = new Set(["DeleteEnforcedGuardrailConfiguration", "DeleteEnforcedGuardrailsConfiguration"]);

const detector = defineDetector({
  id: "enforced-guardrail-removed",
  title: "Account-level enforced guardrail removed",
  severity: "critical",
  description: "DeleteEnforcedGuardrailConfiguration: the guardrail Bedrock applied to every model call in the account is gone.",
  checkId: "bedrock-enforced-guardrail",
  detect(events) {
    const out: Detection[] = [];
    for (const e of events) {
      if (e.source !== "bedrock.amazonaws.com" || !DELETE_NAMES.has(e.name) || !succeeded(e)) continue;
      const config = text(member(e.requestParameters, "configId"));
      out.push(
        makeDetection(detector, {
          severity: "critical",
          title: "Enforced guardrail configuration removed",
          explanation: `${who(e)} removed the account-level enforced guardrail${config ? ` configuration ${config}` : ""} in ${where(e)}. Bedrock applied it to the input and output of every InvokeModel and Converse call without the caller opting in; now only callers that attach a guardrail themselves are filtered.`,
          checkId: "bedrock-enforced-guardrail",
          events: [e],
        }),
      );
    }
    return out;
  },
});

export default detector;
