import { Skeleton } from "@/components/ui/skeleton";

export function FindingsSkeleton() {
  return (
    <div aria-hidden className="space-y-4">
      <div className="flex flex-wrap gap-2">
        <Skeleton className="h-8 w-72" />
        {["w-16", "w-18", "w-20", "w-19", "w-17"].map((w) => (
          <Skeleton key={w} className={`h-8 ${w}`} />
        ))}
      </div>
      <div className="rounded-xl border border-(--border) bg-(--card)">
        <Skeleton className="h-9 rounded-none rounded-t-xl" />
        {Array.from({ length: 10 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-(--border) px-5 py-3 last:border-0">
            <Skeleton className="h-6 w-16" />
            <Skeleton className="h-6 w-20" />
            <Skeleton className="h-6 flex-1" />
            <Skeleton className="h-6 w-32" />
            <Skeleton className="h-6 w-24" />
          </div>
        ))}
      </div>
    </div>
  );
}
