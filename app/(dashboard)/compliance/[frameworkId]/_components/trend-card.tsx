"use client";

import dynamic from "next/dynamic";
import { ChartCard, type ChartColumnDef } from "@/components/charts/chart-card";
import type { ComplianceTrendRow } from "@/components/compliance/trend-chart";
import { formatShare, REQUIREMENT_STATUS_LABEL, REQUIREMENT_STATUS_ORDER } from "@/components/compliance/labels";
import { formatDateTime, formatShortDate } from "@/components/posture/format";
import { Skeleton } from "@/components/ui/skeleton";
import type { FrameworkTrend } from "@/lib/schemas/compliance-api";

// recharts loads with the chart, after the page's own JS.
const ComplianceTrendChart = dynamic(() => import("@/components/compliance/trend-chart"), {
  ssr: false,
  loading: () => <Skeleton className="h-full" />,
});

const COLUMNS: readonly ChartColumnDef<ComplianceTrendRow>[] = [
  { label: "Scan finished", value: (r) => r.when },
  {
    label: "Passing",
    value: (r) => (r.passShare === null ? null : Math.round(r.passShare * 1000) / 10),
    display: (r) => formatShare(r.passShare),
    numeric: true,
  },
  ...REQUIREMENT_STATUS_ORDER.map((s) => ({
    label: REQUIREMENT_STATUS_LABEL[s],
    value: (r: ComplianceTrendRow) => r[s],
    numeric: true,
  })),
];

type Props = {
  frameworkName: string;
  frameworkId: string;
  trend: FrameworkTrend | undefined;
  loading: boolean;
  error: string | null;
  className?: string;
};

/** Requirement statuses per completed scan: is the programme getting better? */
export function TrendCard({ frameworkName, frameworkId, trend, loading, error, className }: Props) {
  const rows: ComplianceTrendRow[] = (trend?.points ?? []).map(
    (p) =>
      ({
        scanId: p.scanId,
        label: p.finishedAt ? formatShortDate(p.finishedAt) : p.scanId.slice(0, 8),
        when: formatDateTime(p.finishedAt),
        passShare: p.passShare,
        ...Object.fromEntries(REQUIREMENT_STATUS_ORDER.map((s) => [s, p.totals[s] ?? 0])),
      }) as ComplianceTrendRow,
  );
  const first = rows[0];
  const last = rows.at(-1);
  const summary =
    first && last
      ? `${frameworkName} requirements by status over ${rows.length} scans: ${formatShare(first.passShare)} passing on ${first.when}, ${formatShare(last.passShare)} on ${last.when}.`
      : "No completed scans yet.";
  return (
    <ChartCard
      title="Status across scans"
      source={`Requirements by status in each of the last ${rows.length} completed scans, same scope`}
      summary={summary}
      columns={COLUMNS}
      rows={rows}
      rowKey={(r) => r.scanId}
      filename={`${frameworkId}-trend.csv`}
      loading={loading}
      error={error}
      empty={rows.length === 0 ? "No completed scans yet." : null}
      className={className}
    >
      <ComplianceTrendChart rows={rows} />
    </ChartCard>
  );
}
