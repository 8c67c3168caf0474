import { Skeleton } from "@/components/ui/skeleton";

export const TableCardSkeleton = () => <Skeleton className="h-96 w-full rounded-xl" />;

/** A card's title, description and `rows` table rows, so the card streaming in moves nothing. */
function CardSkeleton({ rows, rowHeight }: { rows: number; rowHeight: string }) {
  return (
    <div aria-hidden className="rounded-xl border border-(--border) bg-(--card) p-5">
      <Skeleton className="h-4 w-40" />
      <Skeleton className="mt-2 h-3 w-96 max-w-full" />
      <div className="mt-5 space-y-2">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} className={`${rowHeight} w-full`} />
        ))}
      </div>
    </div>
  );
}

export const AwsAccountsSkeleton = () => <CardSkeleton rows={4} rowHeight="h-14" />;
export const ScanErrorsSkeleton = () => <CardSkeleton rows={3} rowHeight="h-12" />;
