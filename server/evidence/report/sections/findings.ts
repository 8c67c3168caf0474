import "server-only";
import { getCheck } from "@/server/checks/registry";
import { sanitiseText } from "../../contents/sanitise";
import type { FailingFinding } from "../failing";
import { MAX_PRINTED_FINDINGS } from "../failing";
import type { Cell, Writer } from "../layout";
import { multiLine, oneLine, plural } from "../text";
import { COLOR, SEVERITY_COLOR, SIZE, STATUS_COLOR } from "../theme";
import type { ReportInput } from "../types";

/** check id → "SOC 2: CC6.1, CC7.2" per exported framework: what a failing finding puts at risk. */
function affectedRequirements(input: ReportInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { framework } of input.frameworks) {
    const byCheck = new Map<string, string[]>();
    for (const r of framework.requirements) for (const c of r.checks) byCheck.set(c, [...(byCheck.get(c) ?? []), r.id]);
    for (const [checkId, ids] of byCheck)
      out.set(checkId, [...(out.get(checkId) ?? []), `${oneLine(framework.name)}: ${ids.map(oneLine).join(", ")}`]);
  }
  return out;
}

function renderFinding(w: Writer, f: FailingFinding, index: number, affects: string[]): void {
  const check = getCheck(f.check_id);
  const severity = f.severity in SEVERITY_COLOR ? (f.severity as keyof typeof SEVERITY_COLOR) : undefined;
  w.ensure(110);
  w.write([
    { text: `${index}. ${oneLine(check?.title ?? f.check_id)}`, font: "bold", size: SIZE.h3 },
    {
      text: `${f.status} · ${oneLine(f.severity).toUpperCase()}`,
      font: "bold",
      size: SIZE.small,
      color: f.status === "ERROR" ? STATUS_COLOR.ERROR : severity ? SEVERITY_COLOR[severity] : COLOR.text,
    },
  ]);
  w.space(2);
  const mono = (text: string): Cell => [{ text: oneLine(text), font: "mono", size: SIZE.mono }];
  w.keyValues(
    [
      ["Check", mono(f.check_id)],
      ["Account / region", `${oneLine(f.account_id)} / ${oneLine(f.region)}`],
      ["Resource", mono(f.resource_arn)],
      ["Message", oneLine(sanitiseText(f.message))],
      ["Affects", affects.length ? affects.join(" · ") : "No requirement of the exported frameworks"],
    ],
    0.2,
  );
  w.write([{ text: "Evidence excerpt (sanitised)", font: "bold", size: SIZE.small, color: COLOR.muted }]);
  w.space(2);
  w.code(f.excerpt);
  w.write([{ text: "Remediation", font: "bold", size: SIZE.small, color: COLOR.muted }]);
  if (!check) {
    w.paragraph(`Check ${oneLine(f.check_id)} is not in this version of Strata; see its documentation for remediation.`);
  } else {
    w.write(check.remediation.console.map((step, i) => ({ text: `${i + 1}. ${oneLine(step)}` })));
    w.space(3);
    w.write([{ text: "AWS CLI", font: "bold", size: SIZE.small, color: COLOR.muted }]);
    w.space(2);
    w.code(multiLine(check.remediation.cli).split("\n"));
  }
  w.rule();
}

/** FAIL then ERROR findings, critical → low, each with its evidence and the fix; capped for paper. */
export function renderFindings(w: Writer, input: ReportInput, failing: { shown: FailingFinding[]; total: number }): void {
  w.startSection("Failing findings");
  const left = failing.total - failing.shown.length;
  if (failing.total === 0) {
    w.paragraph("No FAIL or ERROR finding in scope.");
    return;
  }
  w.paragraph(
    `${plural(failing.total, "finding")} in scope failed or could not be evaluated, ordered FAIL before ERROR and then by severity (critical to low).`,
  );
  if (left > 0)
    w.paragraph(
      `Only the first ${MAX_PRINTED_FINDINGS.toLocaleString("en-US")} are printed here; ${plural(left, "more failing finding was", "more failing findings were")} left out. findings.json in this bundle has all of them.`,
      { font: "bold" },
    );
  const affects = affectedRequirements(input);
  failing.shown.forEach((f, i) => renderFinding(w, f, i + 1, affects.get(f.check_id) ?? []));
  if (left > 0)
    w.paragraph(`${plural(left, "further failing finding is", "further failing findings are")} not printed; see findings.json.`, {
      font: "bold",
    });
}
