import { Skeleton } from "@/components/ui/skeleton";

/** Placeholders with the footprint of each overview widget, so streaming in moves nothing. */
function CardSkeleton({ className, rows, rowHeight = "h-9" }: { className?: string; rows: number; rowHeight?: string }) {
  return (
    <div aria-hidden className={`rounded-xl border border-(--border) bg-(--card) p-5 ${className ?? ""}`}>
      <Skeleton className="h-4 w-40" />
      <Skeleton className="mt-2 h-3 w-56" />
      <div className="mt-5 space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className={`${rowHeight} w-full`} />
        ))}
      </div>
    </div>
  );
}

export const ScoreCardSkeleton = () => <CardSkeleton rows={3} rowHeight="h-16" className="h-[22rem]" />;
export const TrendCardSkeleton = () => <CardSkeleton rows={1} rowHeight="h-64" className="h-[22rem]" />;
export const CategoryScoresSkeleton = () => <CardSkeleton rows={7} rowHeight="h-11" />;
export const HeatMapSkeleton = () => <CardSkeleton rows={3} rowHeight="h-16" />;
export const SeveritySkeleton = () => <CardSkeleton rows={4} rowHeight="h-9" />;
export const TopChecksSkeleton = () => <CardSkeleton rows={6} rowHeight="h-10" />;
