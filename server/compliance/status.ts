import "server-only";
import type { Attestation, Requirement, RequirementStatus } from "@/lib/schemas/compliance";
import type { Status } from "@/lib/schemas/finding";

/** The fields of a stored or freshly evaluated finding that compliance needs. */
export type ComplianceFinding = { checkId: string; accountId: string; region: string; status: Status };

/** One mapped check's result in scope: NO_EVIDENCE when it produced no finding there. */
export type CheckStatus = Exclude<RequirementStatus, "ATTESTED">;

/** What a check's findings in one scope (all, an account, a region) add up to. */
export type Tally = { count: number; seen: Set<Status> };

/**
 * A check FAILs on any FAIL; ERROR (could not evaluate) outranks everything but FAIL, so it never
 * turns into PASS; NOT_APPLICABLE only when every finding is NOT_APPLICABLE.
 */
export function checkStatus(tally: Tally | undefined): CheckStatus {
  if (!tally || tally.count === 0) return "NO_EVIDENCE";
  const { seen } = tally;
  if (seen.has("FAIL")) return "FAIL";
  if (seen.has("ERROR")) return "ERROR";
  if (seen.has("MANUAL")) return "MANUAL";
  if (seen.has("PASS")) return "PASS";
  return "NOT_APPLICABLE";
}

const PRECEDENCE: readonly CheckStatus[] = ["FAIL", "ERROR", "NO_EVIDENCE", "MANUAL", "PASS", "NOT_APPLICABLE"];

/** The worst of the checks' statuses; a requirement with no checks has no automated part (undefined). */
function combine(statuses: readonly CheckStatus[]): CheckStatus | undefined {
  return PRECEDENCE.find((s) => statuses.includes(s));
}

/**
 * Status of one requirement. Checks can only FAIL, ERROR or lack evidence for a manual requirement;
 * they never settle it, so it stays MANUAL until someone attests (ATTESTED, still not PASS).
 */
export function requirementStatus(
  requirement: Requirement,
  checkStatuses: readonly CheckStatus[],
  attestation: Attestation | undefined,
): RequirementStatus {
  const automated = combine(checkStatuses);
  if (automated === "FAIL" || automated === "ERROR" || automated === "NO_EVIDENCE") return automated;
  if (requirement.manual || automated === "MANUAL") return attestation ? "ATTESTED" : "MANUAL";
  // Not manual and no checks is rejected by the catalog schema; keep the honest answer anyway.
  return automated ?? "NO_EVIDENCE";
}
