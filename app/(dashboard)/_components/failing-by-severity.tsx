import { ChevronRight } from "lucide-react";
import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Meter } from "@/components/ui/meter";
import { formatCount } from "@/components/posture/format";
import { SEVERITY_TONE } from "@/components/posture/labels";
import { SeverityBadge } from "@/components/posture/status-badge";
import { SEVERITIES } from "@/lib/schemas/finding";
import { loadOverview } from "../_data/scan";

export async function FailingBySeverity() {
  const { failingBySeverity } = await loadOverview();
  const total = SEVERITIES.reduce((n, s) => n + failingBySeverity[s], 0);
  const max = Math.max(1, ...SEVERITIES.map((s) => failingBySeverity[s]));
  return (
    <Card aria-labelledby="severity-title" className="h-full">
      <CardHeader
        id="severity-title"
        title="Failing findings by severity"
        description={`${formatCount(total)} failing ${total === 1 ? "finding" : "findings"} in total`}
      />
      <ul className="px-2 pb-2">
        {SEVERITIES.map((severity) => (
          <li key={severity}>
            <Link
              href={`/posture?status=FAIL&severity=${severity}`}
              className="group flex items-center gap-3 rounded-lg px-3 py-2.5 transition-colors hover:bg-slate-900/[0.03] dark:hover:bg-white/[0.04]"
            >
              <SeverityBadge severity={severity} className="w-24" />
              <Meter
                value={(failingBySeverity[severity] / max) * 100}
                barClassName={SEVERITY_TONE[severity].bar}
                className="flex-1"
              />
              <span className="w-10 text-right text-sm font-semibold tabular-nums">
                {formatCount(failingBySeverity[severity])}
              </span>
              <ChevronRight aria-hidden className="size-4 text-(--muted) opacity-0 transition-opacity group-hover:opacity-100" />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
