import "server-only";
import { REQUIREMENT_STATUSES, type RequirementStatus } from "@/lib/schemas/compliance";
import type { Cell, Column, Writer } from "../layout";
import { oneLine } from "../text";
import { COLOR, SIZE, STATUS_COLOR } from "../theme";
import type { ReportInput } from "../types";
import { STATUS_MEANING } from "./legend";

/** Wide enough for each status word in the bold header at A4 width. */
const STATUS_SHARE: Record<RequirementStatus, number> = {
  PASS: 0.06,
  FAIL: 0.055,
  ERROR: 0.075,
  NO_EVIDENCE: 0.095,
  NOT_APPLICABLE: 0.12,
  MANUAL: 0.09,
  ATTESTED: 0.1,
};

/** One row per framework: coverage, then a count per status, then what each status means. */
export function renderSummary(w: Writer, input: ReportInput): void {
  w.startSection("Summary", "Summary per framework");
  w.paragraph(
    "Automated: requirements with at least one mapped check, of all requirements. Evidenced: requirements whose checks produced findings in scope.",
    { color: COLOR.muted, size: SIZE.small },
  );
  const columns: Column[] = [
    { header: "Framework", width: 0.2 },
    { header: "Automated", width: 0.105 },
    { header: "Evidenced", width: 0.1 },
    ...REQUIREMENT_STATUSES.map((s) => ({ header: s.replace("_", " "), width: STATUS_SHARE[s] })),
  ];
  const rows = input.frameworks.map(({ framework, result }): Cell[] => [
    [{ text: oneLine(framework.name), font: "bold" }],
    `${result.coverage.automated}/${result.coverage.total}`,
    String(result.coverage.evidenced),
    ...REQUIREMENT_STATUSES.map((s): Cell => {
      const n = result.totals[s];
      return [{ text: String(n), font: n > 0 ? "bold" : "sans", color: n > 0 ? STATUS_COLOR[s] : COLOR.muted }];
    }),
  ]);
  w.table(columns, rows);

  const notes = input.frameworks.filter(({ framework }) => framework.note);
  if (notes.length) {
    w.heading("Framework notes", 2);
    w.keyValues(notes.map(({ framework }) => [oneLine(framework.name), oneLine(framework.note ?? "")]));
  }

  w.heading("Status legend", 2);
  w.table(
    [
      { header: "Status", width: 0.2 },
      { header: "Meaning", width: 0.8 },
    ],
    REQUIREMENT_STATUSES.map((s) => [[{ text: s, font: "bold", color: STATUS_COLOR[s] }], STATUS_MEANING[s]]),
  );
}
