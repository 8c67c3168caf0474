import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { formatCount, formatScore } from "@/components/posture/format";
import { GradeBadge } from "@/components/posture/grade-badge";
import { StatusIcon } from "@/components/posture/status-badge";
import { STATUS_LABEL } from "@/components/posture/labels";
import type { Status } from "@/lib/schemas/finding";
import { loadOverview } from "../_data/scan";

const COUNTED: Status[] = ["PASS", "FAIL", "NOT_APPLICABLE", "MANUAL"];

export async function ScoreCard() {
  const { scan } = await loadOverview();
  const overall = scan?.score?.overall;
  if (!overall) return null;
  const errors = overall.counts.ERROR;
  const evaluated = overall.counts.PASS + overall.counts.FAIL;
  return (
    <Card aria-labelledby="score-title" className="flex h-full flex-col">
      <div className="flex items-start justify-between gap-4 px-5 pt-5">
        <div>
          <h2 id="score-title" className="text-sm font-semibold tracking-tight">
            Security score
          </h2>
          <p className="mt-0.5 text-xs text-(--muted)">Severity-weighted share of passing findings</p>
        </div>
        <GradeBadge grade={overall.grade} size="lg" />
      </div>
      <div className="px-5 pt-2 pb-5">
        <p className="flex items-baseline gap-1.5">
          <span className="text-6xl font-semibold tracking-tighter tabular-nums" data-testid="overall-score">
            {formatScore(overall.score)}
          </span>
          <span className="text-lg text-(--muted)">/ 100</span>
        </p>
        <p className="mt-1 text-xs text-(--muted)">
          {overall.score === null
            ? "Nothing could be evaluated in this scan."
            : `From ${formatCount(evaluated)} evaluated findings.`}
        </p>
      </div>
      <Link
        href="/posture?status=ERROR"
        className={
          errors > 0
            ? "mx-5 flex items-center gap-3 rounded-lg border border-status-error/30 bg-status-error/10 px-3 py-2.5 transition-colors hover:bg-status-error/15"
            : "mx-5 flex items-center gap-3 rounded-lg border border-(--border) px-3 py-2.5 transition-colors hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
        }
      >
        <TriangleAlert aria-hidden className={errors > 0 ? "size-4 text-status-error" : "size-4 text-(--muted)"} />
        <span className="flex-1 text-sm">
          {errors > 0 ? (
            <>
              <span className="font-semibold tabular-nums" data-testid="error-count">
                {formatCount(errors)}
              </span>{" "}
              {errors === 1 ? "finding" : "findings"} could not be evaluated
              <span className="block text-xs text-(--muted)">Shown beside the score, never counted in it. Review them.</span>
            </>
          ) : (
            <>
              <span className="font-semibold tabular-nums" data-testid="error-count">
                0
              </span>{" "}
              errors: every finding was evaluated
              <span className="block text-xs text-(--muted)">Errors would be shown here, never counted in the score.</span>
            </>
          )}
        </span>
      </Link>
      <dl className="mt-auto grid grid-cols-4 divide-x divide-(--border) border-t border-(--border) pt-0">
        {COUNTED.map((status) => (
          <div key={status} className="px-3 py-3 text-center first:pl-5 last:pr-5">
            <dt className="flex items-center justify-center gap-1 text-[11px] text-(--muted)">
              <StatusIcon status={status} className="size-3" />
              {STATUS_LABEL[status]}
            </dt>
            <dd className="mt-0.5 text-sm font-semibold tabular-nums">{formatCount(overall.counts[status])}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
