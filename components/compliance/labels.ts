import type { RequirementStatus } from "@/lib/schemas/compliance";

/** What needs attention first; also the stacking order of the charts (bottom up: the reverse). */
export const REQUIREMENT_STATUS_ORDER = [
  "FAIL",
  "ERROR",
  "NO_EVIDENCE",
  "MANUAL",
  "ATTESTED",
  "PASS",
  "NOT_APPLICABLE",
] as const satisfies readonly RequirementStatus[];

export const REQUIREMENT_STATUS_LABEL: Record<RequirementStatus, string> = {
  PASS: "Pass",
  FAIL: "Fail",
  ERROR: "Error",
  NO_EVIDENCE: "No evidence",
  NOT_APPLICABLE: "N/A",
  MANUAL: "Manual",
  ATTESTED: "Attested",
};

export const REQUIREMENT_STATUS_DESCRIPTION: Record<RequirementStatus, string> = {
  PASS: "Every mapped check passed across the scope",
  FAIL: "At least one mapped check failed",
  ERROR: "A mapped check could not be evaluated (access denied or an API error); never counted as a pass",
  NO_EVIDENCE: "A mapped check produced no finding in this scope",
  NOT_APPLICABLE: "The features the checks look at are not in use here",
  MANUAL: "No automated check can settle it: it needs an attestation",
  ATTESTED: "A person attested to it for this scan (a statement, not a pass)",
};

/**
 * Literal class strings (Tailwind only sees whole names). PASS, FAIL, ERROR, MANUAL and N/A reuse
 * the posture tokens; NO_EVIDENCE is dashed (absence), ATTESTED teal (a person's word, not a check).
 */
export const REQUIREMENT_STATUS_TONE: Record<RequirementStatus, { text: string; bg: string; border: string; solid: string }> = {
  PASS: { text: "text-status-pass", bg: "bg-status-pass/10", border: "border-status-pass/25", solid: "bg-status-pass" },
  FAIL: { text: "text-status-fail", bg: "bg-status-fail/10", border: "border-status-fail/25", solid: "bg-status-fail" },
  ERROR: { text: "text-status-error", bg: "bg-status-error/10", border: "border-status-error/30", solid: "bg-status-error" },
  NO_EVIDENCE: {
    text: "text-slate-500 dark:text-slate-400",
    bg: "bg-slate-400/5",
    border: "border-dashed border-slate-400/60",
    solid: "bg-slate-400",
  },
  NOT_APPLICABLE: {
    text: "text-status-na",
    bg: "bg-status-na/10",
    border: "border-status-na/25",
    solid: "bg-slate-300 dark:bg-slate-600",
  },
  MANUAL: { text: "text-status-manual", bg: "bg-status-manual/10", border: "border-status-manual/25", solid: "bg-status-manual" },
  ATTESTED: {
    text: "text-teal-600 dark:text-teal-400",
    bg: "bg-teal-600/10",
    border: "border-teal-600/30",
    solid: "bg-teal-600",
  },
};

/** The same colours for charts (SVG fills cannot take classes). */
export const REQUIREMENT_STATUS_COLOR: Record<RequirementStatus, string> = {
  PASS: "rgb(22 163 74)",
  FAIL: "rgb(220 38 38)",
  ERROR: "rgb(217 119 6)",
  NO_EVIDENCE: "rgb(148 163 184)",
  NOT_APPLICABLE: "rgb(203 213 225)",
  MANUAL: "rgb(124 58 237)",
  ATTESTED: "rgb(13 148 136)",
};

/** "62 %" with no decimals; an em dash when nothing applies. */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${Math.round(share * 100)} %`;
}
