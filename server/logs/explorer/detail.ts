import "server-only";
import { toSummary } from "../summary";
import type { LogDetail } from "@/lib/schemas/log-detail";
import type { InvocationRecord } from "../record";
import { guardrailFindings } from "../trace";

const REDACTED_REASON =
  "Prompt and response bodies are redacted. Revealing them asks for a justification and is recorded in the audit log.";
const NO_PERMISSION_REASON = "Prompt and response bodies are redacted: your role does not have the logs:reveal permission.";

/**
 * One record for the detail drawer. Bodies, extracted text and guardrail matches (which quote the
 * prompt or response) leave the server only when `reveal` is set, which only the reveal route does.
 */
export function toDetail(r: InvocationRecord, options: { reveal: boolean; canReveal: boolean }): LogDetail {
  const reveal = options.reveal && options.canReveal;
  // The id is the summary's guardrailId; the detail's guardrail block keeps its own shape.
  const { id: _id, ...guardrail } = r.guardrail;
  return {
    ...toSummary(r),
    // Error messages can quote the request (e.g. a validation error echoing input), so they count as body.
    errorMessage: reveal ? (r.error?.message ?? null) : null,
    guardrail: { ...guardrail, findings: guardrailFindings(r.outputBody, { withMatches: reveal }) },
    bodyS3Paths: r.bodyS3Paths,
    bytes: r.bytes,
    bodies: reveal
      ? { redacted: false, promptText: r.promptText, responseText: r.responseText, input: r.inputBody, output: r.outputBody }
      : { redacted: true, reason: options.canReveal ? REDACTED_REASON : NO_PERMISSION_REASON },
    canReveal: options.canReveal,
  };
}
