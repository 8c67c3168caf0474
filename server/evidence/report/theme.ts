import "server-only";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import type { Severity } from "@/lib/schemas/finding";

/** A4 with print-safe margins; the header and footer sit inside the top and bottom margins. */
export const PAGE = { size: "A4", margin: { top: 64, bottom: 60, left: 54, right: 54 } } as const;

export const SIZE = { title: 22, h1: 15, h2: 11.5, h3: 10, body: 9, small: 7.5, mono: 7.2 } as const;

export const COLOR = {
  text: "#111827",
  muted: "#6b7280",
  rule: "#d1d5db",
  headerFill: "#f3f4f6",
  codeFill: "#f6f7f9",
  accent: "#0f5c5a",
} as const;

/** Print-legible colours (dark enough on white and in greyscale); the status word is always printed too. */
export const STATUS_COLOR: Record<RequirementStatus, string> = {
  PASS: "#166534",
  FAIL: "#b91c1c",
  ERROR: "#c2410c",
  NO_EVIDENCE: "#92400e",
  MANUAL: "#4338ca",
  ATTESTED: "#1d4ed8",
  NOT_APPLICABLE: "#4b5563",
};

export const SEVERITY_COLOR: Record<Severity, string> = {
  critical: "#7f1d1d",
  high: "#b91c1c",
  medium: "#b45309",
  low: "#4b5563",
};
