import { Skeleton } from "@/components/ui/skeleton";

export function LogsSkeletonTable() {
  return (
    <div aria-hidden>
      <Skeleton className="h-9 rounded-none" />
      {Array.from({ length: 12 }, (_, i) => (
        <div key={i} className="flex h-10 items-center gap-4 border-b border-(--border) px-4 last:border-0">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-44" />
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-4 w-20" />
          <Skeleton className="h-4 w-16" />
        </div>
      ))}
    </div>
  );
}

export function LogsSkeleton() {
  return (
    <div aria-hidden className="space-y-3">
      <div className="flex gap-2">
        <Skeleton className="h-9 flex-1" />
        <Skeleton className="h-9 w-40" />
        <Skeleton className="h-9 w-9" />
        <Skeleton className="h-9 w-24" />
        <Skeleton className="h-9 w-20" />
        <Skeleton className="h-9 w-24" />
      </div>
      <Skeleton className="h-7 w-28" />
      <div className="grid gap-4 lg:grid-cols-[14rem_minmax(0,1fr)]">
        <div className="space-y-3">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} className="h-24" />
          ))}
        </div>
        <div className="space-y-3">
          <Skeleton className="h-40 rounded-xl" />
          <div className="overflow-hidden rounded-xl border border-(--border) bg-(--card)">
            <LogsSkeletonTable />
          </div>
        </div>
      </div>
    </div>
  );
}
