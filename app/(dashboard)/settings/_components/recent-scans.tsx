import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDateTime, formatDuration, formatScore } from "@/components/posture/format";
import { GradeBadge } from "@/components/posture/grade-badge";
import type { Scan } from "@/lib/schemas/scan";
import { getDb } from "@/server/db";
import { listScans } from "@/server/scans/repository";

const STATUS_CLASS: Record<Scan["status"], string> = {
  completed: "border-status-pass/30 bg-status-pass/10",
  failed: "border-status-fail/30 bg-status-fail/10",
  running: "border-(--accent)/30 bg-(--accent)/10",
  queued: "border-(--border) bg-slate-900/[0.04] dark:bg-white/[0.06]",
};

export async function RecentScans() {
  const scans = await listScans(await getDb(), 20);
  return (
    <Card aria-labelledby="scans-title">
      <CardHeader id="scans-title" title="Recent scans" description="The last 20 scans, newest first" />
      {scans.length === 0 ? (
        <p className="border-t border-(--border) px-5 py-6 text-sm text-(--muted)">No scan has run yet.</p>
      ) : (
        <div className="overflow-x-auto border-t border-(--border)">
          <table className="w-full min-w-[52rem] text-sm">
            <caption className="sr-only">Recent scans</caption>
            <thead>
              <tr className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]">
                <th scope="col" className="h-9 px-3 pl-5 font-medium">
                  Status
                </th>
                <th scope="col" className="px-3 font-medium">
                  Started
                </th>
                <th scope="col" className="px-3 font-medium">
                  Started by
                </th>
                <th scope="col" className="px-3 font-medium">
                  Duration
                </th>
                <th scope="col" className="px-3 font-medium">
                  Score
                </th>
                <th scope="col" className="w-[40%] px-3 pr-5 font-medium">
                  Problems
                </th>
              </tr>
            </thead>
            <tbody>
              {scans.map((s) => (
                <tr
                  key={s.id}
                  id={`scan-${s.id}`}
                  className="scroll-mt-4 border-b border-(--border) align-top last:border-0 target:bg-(--accent)/[0.06]"
                >
                  <td className="px-3 py-2.5 pl-5">
                    <span
                      className={cn(
                        "inline-flex h-6 items-center rounded-md border px-2 text-xs font-medium capitalize",
                        STATUS_CLASS[s.status],
                      )}
                    >
                      {s.status}
                    </span>
                  </td>
                  <td className="px-3 py-2.5 whitespace-nowrap">{formatDateTime(s.createdAt)}</td>
                  <td className="px-3 py-2.5 whitespace-nowrap">{s.requestedBy}</td>
                  <td className="px-3 py-2.5 tabular-nums">{formatDuration(s.startedAt, s.finishedAt)}</td>
                  <td className="px-3 py-2.5">
                    {s.score ? (
                      <span className="flex items-center gap-2">
                        <GradeBadge grade={s.score.overall.grade} size="sm" />
                        <span className="tabular-nums">{formatScore(s.score.overall.score)}</span>
                      </span>
                    ) : (
                      <span className="text-(--muted)">–</span>
                    )}
                  </td>
                  <td className="px-3 py-2.5 pr-5">
                    {s.error ? (
                      <span className="text-status-fail">{s.error}</span>
                    ) : s.errors.length > 0 ? (
                      <details className="group">
                        <summary className="cursor-pointer rounded text-sm marker:text-(--muted)">
                          {s.errors.length} collection {s.errors.length === 1 ? "problem" : "problems"}
                        </summary>
                        <ul className="mt-1.5 space-y-1 text-xs text-(--muted)">
                          {s.errors.map((e, i) => (
                            <li key={i} className="break-words">
                              <span className="font-mono text-(--foreground)">
                                {e.accountId} / {e.region} / {e.part}
                              </span>
                              : {e.reason}
                              {e.action && <span> (grant {e.action})</span>}
                            </li>
                          ))}
                        </ul>
                      </details>
                    ) : (
                      <span className="text-(--muted)">None</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
