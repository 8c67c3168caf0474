"use client";

import dynamic from "next/dynamic";
import type { ReactNode } from "react";
import type { SeriesTrendChartProps } from "@/components/charts/series-trend-chart";
import { Skeleton } from "@/components/ui/skeleton";

// recharts loads with the first chart, after the page's own JS.
const loading = () => <Skeleton className="h-full" />;
export const RateTrendChart = dynamic(() => import("@/components/charts/rate-trend-chart"), { ssr: false, loading });
export const BreakdownChart = dynamic(() => import("@/components/charts/breakdown-chart"), { ssr: false, loading });
// dynamic() drops the generic parameter; the series keys stay typed at the call site this way.
export const SeriesTrendChart = dynamic(() => import("@/components/charts/series-trend-chart"), { ssr: false, loading }) as <
  K extends string,
>(
  props: SeriesTrendChartProps<K>,
) => ReactNode;
