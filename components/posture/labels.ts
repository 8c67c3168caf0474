import type { Category, Severity, Status } from "@/lib/schemas/finding";
import type { Grade } from "@/lib/schemas/score";

export const STATUS_LABEL: Record<Status, string> = {
  PASS: "Pass",
  FAIL: "Fail",
  ERROR: "Error",
  NOT_APPLICABLE: "N/A",
  MANUAL: "Manual",
};

export const STATUS_DESCRIPTION: Record<Status, string> = {
  PASS: "The control is in place",
  FAIL: "The control is missing",
  ERROR: "Could not be evaluated",
  NOT_APPLICABLE: "The feature is not in use here",
  MANUAL: "Needs a human attestation",
};

export const SEVERITY_LABEL: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

/** Literal class strings (Tailwind only sees whole names) for the token colours of each value. */
export const STATUS_TONE: Record<Status, { text: string; bg: string; border: string }> = {
  PASS: { text: "text-status-pass", bg: "bg-status-pass/10", border: "border-status-pass/25" },
  FAIL: { text: "text-status-fail", bg: "bg-status-fail/10", border: "border-status-fail/25" },
  ERROR: { text: "text-status-error", bg: "bg-status-error/10", border: "border-status-error/30" },
  NOT_APPLICABLE: { text: "text-status-na", bg: "bg-status-na/10", border: "border-status-na/25" },
  MANUAL: { text: "text-status-manual", bg: "bg-status-manual/10", border: "border-status-manual/25" },
};

export const SEVERITY_TONE: Record<Severity, { dot: string; bg: string; border: string; bar: string }> = {
  critical: {
    dot: "bg-severity-critical",
    bg: "bg-severity-critical/10",
    border: "border-severity-critical/25",
    bar: "bg-severity-critical",
  },
  high: { dot: "bg-severity-high", bg: "bg-severity-high/10", border: "border-severity-high/25", bar: "bg-severity-high" },
  medium: {
    dot: "bg-severity-medium",
    bg: "bg-severity-medium/10",
    border: "border-severity-medium/30",
    bar: "bg-severity-medium",
  },
  low: { dot: "bg-severity-low", bg: "bg-severity-low/10", border: "border-severity-low/25", bar: "bg-severity-low" },
};

/** Grades reuse the status and severity tokens: A reads as passing, F as failing. */
export const GRADE_TONE: Record<Grade, { text: string; bg: string; solid: string; cell: string }> = {
  A: {
    text: "text-status-pass",
    bg: "bg-status-pass/12",
    solid: "bg-status-pass",
    cell: "bg-status-pass/20 hover:bg-status-pass/30",
  },
  B: {
    text: "text-status-pass",
    bg: "bg-status-pass/8",
    solid: "bg-status-pass/75",
    cell: "bg-status-pass/10 hover:bg-status-pass/20",
  },
  C: {
    text: "text-severity-medium",
    bg: "bg-severity-medium/12",
    solid: "bg-severity-medium",
    cell: "bg-severity-medium/15 hover:bg-severity-medium/25",
  },
  D: {
    text: "text-severity-high",
    bg: "bg-severity-high/12",
    solid: "bg-severity-high",
    cell: "bg-severity-high/15 hover:bg-severity-high/25",
  },
  F: {
    text: "text-status-fail",
    bg: "bg-status-fail/12",
    solid: "bg-status-fail",
    cell: "bg-status-fail/20 hover:bg-status-fail/30",
  },
};

export const CATEGORY_DESCRIPTION: Record<Category, string> = {
  IAM: "Who can call Bedrock and with what",
  Network: "Private endpoints and their policies",
  Encryption: "Customer-managed keys on Bedrock data",
  Logging: "Invocation logs and CloudTrail coverage",
  Guardrails: "Content filters, PII and prompt attacks",
  Monitoring: "Alarms and detections on Bedrock use",
  Governance: "Organization policies, regions and models",
};
