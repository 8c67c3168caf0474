import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Meter } from "@/components/ui/meter";
import { formatScore } from "@/components/posture/format";
import { GradeBadge } from "@/components/posture/grade-badge";
import { CATEGORY_DESCRIPTION, GRADE_TONE } from "@/components/posture/labels";
import { CATEGORIES } from "@/lib/schemas/finding";
import { loadOverview } from "../_data/scan";

export async function CategoryScores() {
  const { scan } = await loadOverview();
  const byCategory = scan?.score?.byCategory ?? {};
  return (
    <Card aria-labelledby="categories-title" className="h-full">
      <CardHeader id="categories-title" title="Scores by category" description="Select a category to see its findings" />
      <ul className="px-2 pb-2">
        {CATEGORIES.map((category) => {
          const s = byCategory[category];
          const errors = s?.counts.ERROR ?? 0;
          return (
            <li key={category}>
              <Link
                href={`/posture?category=${category}`}
                className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3 gap-y-1.5 rounded-lg px-3 py-2 transition-colors hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
              >
                <span className="min-w-0">
                  <span className="flex items-center gap-1.5 text-sm font-medium">
                    {category}
                    {errors > 0 && (
                      <span
                        className="inline-flex items-center gap-0.5 text-[11px] font-normal text-(--muted)"
                        title={`${errors} could not be evaluated`}
                      >
                        <TriangleAlert aria-hidden className="size-3 text-status-error" />
                        {errors}
                        <span className="sr-only"> errors</span>
                      </span>
                    )}
                  </span>
                  <span className="block truncate text-xs text-(--muted)">{CATEGORY_DESCRIPTION[category]}</span>
                </span>
                {s?.grade ? (
                  <span className="flex items-center gap-2">
                    <span className="w-10 text-right text-sm font-semibold tabular-nums">{formatScore(s.score)}</span>
                    <GradeBadge grade={s.grade} size="sm" />
                  </span>
                ) : (
                  <span className="text-xs text-(--muted)">{s ? "Not evaluated" : "No findings"}</span>
                )}
                <Meter
                  value={s?.score ?? 0}
                  className="col-span-2"
                  barClassName={s?.grade ? GRADE_TONE[s.grade].solid : undefined}
                />
              </Link>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
