import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatScore } from "@/components/posture/format";
import { GRADE_TONE } from "@/components/posture/labels";
import { GLOBAL_REGION } from "@/lib/schemas/finding";
import { GRADES } from "@/lib/schemas/score";
import { loadOverview } from "../_data/scan";

export async function HeatMap() {
  const { scan, accounts, regions } = await loadOverview();
  const cells = scan?.score?.byAccountRegion ?? {};
  // Account-scoped checks (IAM, Organizations) report region "global": they get their own column.
  const hasGlobal = Object.keys(cells).some((k) => k.endsWith(`/${GLOBAL_REGION}`));
  const columns = [...regions.filter((r) => r !== GLOBAL_REGION), ...(hasGlobal ? [GLOBAL_REGION] : [])];
  return (
    <Card aria-labelledby="heatmap-title" className="flex h-full flex-col">
      <CardHeader
        id="heatmap-title"
        title="Accounts × regions"
        description="Score per account and region; select a cell to see its findings"
      />
      <div className="overflow-x-auto px-5">
        <table className="w-full border-separate border-spacing-1.5 text-sm">
          <caption className="sr-only">Score and grade for each account and region</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-3 text-left text-xs font-medium text-(--muted)">
                Account
              </th>
              {columns.map((r) => (
                <th key={r} scope="col" className="min-w-24 text-center font-mono text-xs font-medium text-(--muted)">
                  {r === GLOBAL_REGION ? "global (IAM)" : r}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id}>
                <th scope="row" className="pr-3 text-left font-normal whitespace-nowrap">
                  <span className="block text-sm font-medium">{a.name}</span>
                  <span className="block font-mono text-[11px] text-(--muted)">{a.id}</span>
                </th>
                {columns.map((r) => {
                  const s = cells[`${a.id}/${r}`];
                  const errors = s?.counts.ERROR ?? 0;
                  const label = s
                    ? `${a.name} in ${r}: ${s.grade ? `score ${formatScore(s.score)}, grade ${s.grade}` : "not evaluated"}${errors ? `, ${errors} errors` : ""}. View findings`
                    : `${a.name} in ${r}: no findings`;
                  return (
                    <td key={r} className="p-0">
                      {s ? (
                        <Link
                          href={`/posture?account=${a.id}&region=${r}`}
                          aria-label={label}
                          className={cn(
                            "relative flex h-16 flex-col items-center justify-center rounded-lg transition-colors",
                            s.grade
                              ? GRADE_TONE[s.grade].cell
                              : "bg-slate-100 hover:bg-slate-200 dark:bg-white/5 dark:hover:bg-white/10",
                          )}
                        >
                          <span
                            className={cn(
                              "text-lg leading-none font-semibold",
                              s.grade ? GRADE_TONE[s.grade].text : "text-(--muted)",
                            )}
                          >
                            {s.grade ?? "–"}
                          </span>
                          <span className="mt-1 text-[11px] text-(--foreground)/75 tabular-nums">{formatScore(s.score)}</span>
                          {errors > 0 && (
                            <TriangleAlert aria-hidden className="absolute top-1.5 right-1.5 size-3 text-status-error" />
                          )}
                        </Link>
                      ) : (
                        <span className="flex h-16 items-center justify-center rounded-lg border border-dashed border-(--border) text-xs text-(--muted)">
                          —
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div aria-hidden className="mt-auto flex flex-wrap items-center gap-x-4 gap-y-1 px-5 pt-2 pb-4 text-[11px] text-(--muted)">
        {GRADES.map((g) => (
          <span key={g} className="flex items-center gap-1.5">
            <span className={cn("size-2.5 rounded-sm", GRADE_TONE[g].solid)} />
            {g}
          </span>
        ))}
        <span className="flex items-center gap-1.5">
          <TriangleAlert className="size-3 text-status-error" />
          has errors
        </span>
      </div>
    </Card>
  );
}
