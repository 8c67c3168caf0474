import { Skeleton } from "@/components/ui/skeleton";

/** The framework page's shape while it loads: filters, summary beside the trend, the requirements. */
export function FrameworkSkeleton() {
  return (
    <div className="space-y-4" aria-busy>
      <div className="mb-6 flex gap-2">
        <Skeleton className="h-8 w-56" />
        <Skeleton className="h-8 w-24" />
        <Skeleton className="h-8 w-24" />
      </div>
      <div className="grid gap-4 lg:grid-cols-5">
        <Skeleton className="h-80 rounded-xl lg:col-span-2" />
        <Skeleton className="h-80 rounded-xl lg:col-span-3" />
      </div>
      <Skeleton className="h-96 rounded-xl" />
    </div>
  );
}
