import "server-only";
import { SEVERITY_WEIGHT, type Severity, type Status } from "@/lib/schemas/finding";
import type { Grade, Score, ScoreReport, StatusCounts } from "@/lib/schemas/score";

type Scorable = { status: Status; severity: Severity; category: string; accountId: string; region: string };

export function gradeFor(score: number): Grade {
  if (score >= 90) return "A";
  if (score >= 80) return "B";
  if (score >= 70) return "C";
  if (score >= 60) return "D";
  return "F";
}

class Tally {
  counts: StatusCounts = { PASS: 0, FAIL: 0, ERROR: 0, NOT_APPLICABLE: 0, MANUAL: 0 };
  passed = 0;
  evaluated = 0;

  add(f: Scorable): void {
    this.counts[f.status] += 1;
    // ERROR, NOT_APPLICABLE and MANUAL are not evaluated: they neither help nor hurt the share,
    // and ERROR is reported next to the score instead of hidden in it.
    if (f.status !== "PASS" && f.status !== "FAIL") return;
    const weight = SEVERITY_WEIGHT[f.severity];
    this.evaluated += weight;
    if (f.status === "PASS") this.passed += weight;
  }

  toScore(): Score {
    const score = this.evaluated === 0 ? null : Math.round((this.passed / this.evaluated) * 1000) / 10;
    return {
      score,
      grade: score === null ? null : gradeFor(score),
      counts: this.counts,
      weightPassed: this.passed,
      weightEvaluated: this.evaluated,
    };
  }
}

function grouped(findings: readonly Scorable[], key: (f: Scorable) => string): Record<string, Score> {
  const tallies = new Map<string, Tally>();
  for (const f of findings) {
    const k = key(f);
    let t = tallies.get(k);
    if (!t) tallies.set(k, (t = new Tally()));
    t.add(f);
  }
  return Object.fromEntries([...tallies].map(([k, t]) => [k, t.toScore()]));
}

/** Severity-weighted share of passing findings among evaluated ones (DESIGN.md "Statuses and score"). */
export function scoreFindings(findings: readonly Scorable[]): ScoreReport {
  const overall = new Tally();
  for (const f of findings) overall.add(f);
  return {
    overall: overall.toScore(),
    byCategory: grouped(findings, (f) => f.category),
    byAccount: grouped(findings, (f) => f.accountId),
    byRegion: grouped(findings, (f) => f.region),
    byAccountRegion: grouped(findings, (f) => `${f.accountId}/${f.region}`),
  };
}
