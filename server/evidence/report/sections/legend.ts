import "server-only";
import type { RequirementStatus } from "@/lib/schemas/compliance";

/** What each status claims, and what it does not: an auditor reads this before any count. */
export const STATUS_MEANING: Record<RequirementStatus, string> = {
  PASS: "Every mapped check passed for every finding in scope.",
  FAIL: "At least one mapped check failed for a resource in scope.",
  ERROR: "A mapped check could not evaluate (for example, access was denied). Never a pass.",
  NO_EVIDENCE: "The mapped checks produced no finding in scope, so nothing shows the requirement is met.",
  MANUAL: "No automated check can settle it; it needs a person's attestation.",
  ATTESTED: "A person's statement was recorded (see Attestations). It is not an automated pass.",
  NOT_APPLICABLE: "Every finding of the mapped checks was not applicable (e.g. the feature is absent in the region).",
};
