import "server-only";
import type { Severity, Status } from "@/lib/schemas/finding";

/** OCSF severity_id (base event enum): our four severities; 1 Informational is never produced. */
export const SEVERITY_ID = { critical: 5, high: 4, medium: 3, low: 2 } as const satisfies Record<Severity, number>;

type ComplianceStatus = { status_id: 1 | 2 | 3 | 99; status: string };

/**
 * The compliance object's status for each of our statuses. Only PASS is Pass. ERROR and MANUAL
 * produced no automated verdict, which is what Warning means ("did not yield a result due to
 * missing information"); NOT_APPLICABLE is neither a pass nor a gap, so it is Other, named by us.
 * Our exact status always travels in `compliance.status_code`.
 */
export const COMPLIANCE_STATUS = {
  PASS: { status_id: 1, status: "Pass" },
  FAIL: { status_id: 3, status: "Fail" },
  ERROR: { status_id: 2, status: "Warning" },
  MANUAL: { status_id: 2, status: "Warning" },
  NOT_APPLICABLE: { status_id: 99, status: "Not Applicable" },
} as const satisfies Record<Status, ComplianceStatus>;
