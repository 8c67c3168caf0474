import { Skeleton } from "@/components/ui/skeleton";

export function EventsSkeletonTable() {
  return (
    <div aria-hidden>
      <Skeleton className="h-9 rounded-none" />
      {Array.from({ length: 10 }, (_, i) => (
        <div key={i} className="flex h-10 items-center gap-4 border-b border-(--border) px-4 last:border-0">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-4 w-52" />
          <Skeleton className="h-4 w-24" />
          <Skeleton className="h-4 flex-1" />
          <Skeleton className="h-4 w-20" />
        </div>
      ))}
    </div>
  );
}

export function DetectionsSkeleton() {
  return (
    <div aria-hidden className="grid gap-2 p-4">
      {Array.from({ length: 3 }, (_, i) => (
        <Skeleton key={i} className="h-16" />
      ))}
    </div>
  );
}

export function ActivitySkeleton() {
  return (
    <div aria-hidden className="space-y-3">
      <div className="flex gap-2">
        <Skeleton className="h-9 w-52" />
        <Skeleton className="h-9 w-9" />
        <Skeleton className="h-9 flex-1" />
      </div>
      <div className="rounded-xl border border-(--border) bg-(--card)">
        <DetectionsSkeleton />
      </div>
      <div className="overflow-hidden rounded-xl border border-(--border) bg-(--card)">
        <EventsSkeletonTable />
      </div>
    </div>
  );
}
