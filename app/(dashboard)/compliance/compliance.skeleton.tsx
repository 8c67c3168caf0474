import { Skeleton } from "@/components/ui/skeleton";

/** The overview's shape while it loads: the filter row and the framework cards. */
export function ComplianceSkeleton() {
  return (
    <div aria-busy>
      <div className="mb-6 flex gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-24" />
      </div>
      <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 6 }, (_, i) => (
          <Skeleton key={i} className="h-60 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
