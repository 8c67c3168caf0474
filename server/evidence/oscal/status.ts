import "server-only";
import type { RequirementStatus } from "@/lib/schemas/compliance";

type ObjectiveStatus = { state: "satisfied" | "not-satisfied"; reason: "pass" | "fail" | "other" };

/**
 * OSCAL 1.0.6 has only satisfied / not-satisfied. Only PASS is satisfied: ERROR, NO_EVIDENCE, MANUAL,
 * NOT_APPLICABLE and ATTESTED (a person's statement, which Strata never counts as PASS) are not-satisfied with
 * reason "other", and the Strata status travels in a prop so a reader can tell them apart from a FAIL.
 */
export const OBJECTIVE_STATUS = {
  PASS: { state: "satisfied", reason: "pass" },
  FAIL: { state: "not-satisfied", reason: "fail" },
  ERROR: { state: "not-satisfied", reason: "other" },
  NO_EVIDENCE: { state: "not-satisfied", reason: "other" },
  NOT_APPLICABLE: { state: "not-satisfied", reason: "other" },
  MANUAL: { state: "not-satisfied", reason: "other" },
  ATTESTED: { state: "not-satisfied", reason: "other" },
} as const satisfies Record<RequirementStatus, ObjectiveStatus>;

/** Said in the finding's status remarks, so the reason "other" is never left unexplained. */
export const STATUS_REMARKS: Record<RequirementStatus, string> = {
  PASS: "Every mapped check passed for every resource in scope.",
  FAIL: "At least one mapped check failed for a resource in scope.",
  ERROR: "At least one mapped check could not be evaluated (collection or evaluation error); not a pass.",
  NO_EVIDENCE: "A mapped check produced no result in scope, so nothing shows the requirement is met.",
  NOT_APPLICABLE: "The mapped checks found no applicable resource in scope; OSCAL has no not-applicable state.",
  MANUAL: "No automated check can settle this requirement and nobody has attested to it yet.",
  ATTESTED: "A person attested to this requirement; Strata records the statement but does not count it as a pass.",
};
