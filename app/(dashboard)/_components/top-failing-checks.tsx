import { ArrowRight, PartyPopper } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/posture/format";
import { SeverityBadge } from "@/components/posture/status-badge";
import { loadOverview } from "../_data/scan";

export async function TopFailingChecks() {
  const { topFailingChecks } = await loadOverview();
  return (
    <Card aria-labelledby="top-checks-title" className="flex h-full flex-col">
      <CardHeader
        id="top-checks-title"
        title="Top failing checks"
        description="Most severe first, then by number of failing resources"
        action={
          <Link
            href="/posture/checks"
            className="inline-flex items-center gap-1 rounded text-xs font-medium text-(--accent) hover:underline"
          >
            All checks <ArrowRight aria-hidden className="size-3" />
          </Link>
        }
      />
      {topFailingChecks.length === 0 ? (
        <EmptyState icon={PartyPopper} title="No failing checks" className="py-8">
          Every evaluated check passed in the latest scan.
        </EmptyState>
      ) : (
        <ol className="divide-y divide-(--border) border-t border-(--border)">
          {topFailingChecks.map((c) => (
            <li key={c.id}>
              <Link
                href={`/posture/checks/${c.id}`}
                className="flex items-center gap-3 px-5 py-2.5 transition-colors hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
              >
                <SeverityBadge severity={c.severity} className="w-24 shrink-0" />
                <span className="min-w-0 flex-1">
                  <span data-check-title className="block truncate text-sm font-medium">
                    {c.title}
                  </span>
                  <span className="block truncate text-xs text-(--muted)">{c.category}</span>
                </span>
                <span className="shrink-0 text-right text-xs text-(--muted)">
                  <span className="block text-sm font-semibold text-(--foreground) tabular-nums">
                    {formatCount(c.counts.FAIL)}
                  </span>
                  failing
                </span>
              </Link>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
