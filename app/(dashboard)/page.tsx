import type { Metadata } from "next";
import { Suspense } from "react";
import { formatDateTime } from "@/components/posture/format";
import { can } from "@/lib/auth/roles";
import { requirePagePermission } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { activeScan } from "@/server/scans/repository";
import { loadLatestScan } from "./_data/scan";
import { CategoryScores } from "./_components/category-scores";
import { FailingBySeverity } from "./_components/failing-by-severity";
import { HeatMap } from "./_components/heat-map";
import {
  CategoryScoresSkeleton,
  HeatMapSkeleton,
  ScoreCardSkeleton,
  SeveritySkeleton,
  TopChecksSkeleton,
  TrendCardSkeleton,
} from "./_components/overview.skeleton";
import { ScanControl } from "./_components/scan-control";
import { ScoreCard } from "./_components/score-card";
import { TopFailingChecks } from "./_components/top-failing-checks";
import { TrendCard } from "./_components/trend-card";

export const metadata: Metadata = { title: "Overview" };

export default async function OverviewPage() {
  const user = await requirePagePermission("posture:read");
  const db = await getDb();
  const [latest, running] = await Promise.all([loadLatestScan(), activeScan(db)]);
  const description = latest ? (
    <>
      Latest scan finished {formatDateTime(latest.finishedAt)} · source{" "}
      <span className="font-medium text-(--foreground)">{latest.source}</span>
    </>
  ) : (
    "Security posture of your Amazon Bedrock estate"
  );

  return (
    <ScanControl
      title="Overview"
      description={description}
      canRun={can(user.role, "scans:run")}
      initialScan={running ?? null}
      empty={!latest}
    >
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Suspense fallback={<ScoreCardSkeleton />}>
          <ScoreCard />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<TrendCardSkeleton />}>
            <TrendCard />
          </Suspense>
        </div>
        <div className="lg:col-span-2">
          <Suspense fallback={<HeatMapSkeleton />}>
            <HeatMap />
          </Suspense>
        </div>
        <Suspense fallback={<SeveritySkeleton />}>
          <FailingBySeverity />
        </Suspense>
        <Suspense fallback={<CategoryScoresSkeleton />}>
          <CategoryScores />
        </Suspense>
        <div className="lg:col-span-2">
          <Suspense fallback={<TopChecksSkeleton />}>
            <TopFailingChecks />
          </Suspense>
        </div>
      </div>
    </ScanControl>
  );
}
