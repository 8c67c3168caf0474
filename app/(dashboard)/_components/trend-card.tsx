import { Card, CardHeader } from "@/components/ui/card";
import { ScoreTrend } from "@/components/charts/score-trend";
import type { TrendPoint } from "@/components/charts/trend-point";
import { formatDateTime, formatShortDate, formatTime } from "@/components/posture/format";
import { loadOverview } from "../_data/scan";

export async function TrendCard() {
  const { trend } = await loadOverview();
  const days = trend.map((t) => formatShortDate(t.at));
  // Several scans on one day get their time too, so the axis never shows two identical ticks.
  const points: TrendPoint[] = trend.map((t, i) => ({
    scanId: t.scanId,
    label: days.filter((d) => d === days[i]).length > 1 ? `${days[i]} ${formatTime(t.at)}` : (days[i] ?? ""),
    at: formatDateTime(t.at),
    score: t.score,
    grade: t.grade,
  }));
  return (
    <Card aria-labelledby="trend-title" className="flex h-full flex-col">
      <CardHeader
        id="trend-title"
        title="Score trend"
        description={`Last ${points.length} completed ${points.length === 1 ? "scan" : "scans"}; dashed lines mark the grade thresholds`}
        className="pb-0"
      />
      <div className="flex-1 px-5 pb-4">
        <ScoreTrend points={points} />
      </div>
    </Card>
  );
}
