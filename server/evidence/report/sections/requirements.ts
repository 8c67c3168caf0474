import "server-only";
import type { Framework } from "@/lib/schemas/compliance";
import type { FrameworkResult } from "@/server/compliance/evaluate";
import type { Cell, Writer } from "../layout";
import type { Run } from "../pen";
import { oneLine, plural } from "../text";
import { COLOR, SIZE, STATUS_COLOR } from "../theme";
import type { ReportInput } from "../types";

type Result = FrameworkResult["requirements"][number];

function requirementCell(requirement: Framework["requirements"][number], result: Result): Cell {
  const runs: Run[] = [{ text: oneLine(requirement.title), font: "bold" }];
  // A PASS needs no instructions; anything else tells the customer what the auditor will ask for.
  if (result.status !== "PASS")
    runs.push({ text: `Customer must show: ${oneLine(requirement.customerMustShow)}`, size: SIZE.small, color: COLOR.muted });
  if (result.attestation)
    runs.push({
      text: `Attested by ${oneLine(result.attestation.by)} at ${result.attestation.at} (see Attestations)`,
      size: SIZE.small,
      color: STATUS_COLOR.ATTESTED,
    });
  return runs;
}

function checksCell(result: Result, manual: boolean): Cell {
  if (result.checks.length === 0)
    return [{ text: manual ? "None: settled by attestation" : "None", size: SIZE.small, color: COLOR.muted }];
  return result.checks.flatMap((c): Run[] => [
    { text: c.checkId, font: "mono", size: SIZE.mono },
    { text: `${c.status} · ${plural(c.findings, "finding")}`, font: "bold", size: SIZE.small, color: STATUS_COLOR[c.status] },
  ]);
}

/** One table per framework, every requirement in catalog order, each framework on its own pages. */
export function renderRequirements(w: Writer, input: ReportInput): void {
  for (const { framework, result } of input.frameworks) {
    const name = oneLine(framework.name);
    w.startSection(`Per-requirement results · ${name}`, `${name} (${oneLine(framework.version)}): per-requirement results`);
    const byId = new Map(result.requirements.map((r) => [r.requirementId, r]));
    const rows = framework.requirements.flatMap((requirement): Cell[][] => {
      const r = byId.get(requirement.id);
      if (!r) return [];
      return [
        [
          [{ text: oneLine(requirement.id), font: "bold" }],
          requirementCell(requirement, r),
          [{ text: r.status, font: "bold", size: SIZE.small, color: STATUS_COLOR[r.status] }],
          checksCell(r, requirement.manual),
        ],
      ];
    });
    w.table(
      [
        // Wide enough for 164.308(a)(1) and for most check ids on one line.
        { header: "ID", width: 0.14 },
        { header: "Requirement", width: 0.38 },
        { header: "Status", width: 0.12 },
        { header: "Mapped checks", width: 0.36 },
      ],
      rows,
    );
  }
}
