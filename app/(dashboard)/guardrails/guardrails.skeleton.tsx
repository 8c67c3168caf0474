import { Skeleton } from "@/components/ui/skeleton";

/** The page's shape while the client reads the URL: toolbar, two trend charts, four breakdowns. */
export function GuardrailsSkeleton() {
  return (
    <div className="space-y-4" aria-busy>
      <div className="flex gap-2">
        <Skeleton className="h-9 w-44" />
        <Skeleton className="h-9 w-9" />
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        <Skeleton className="h-80 rounded-xl" />
        <Skeleton className="h-80 rounded-xl" />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-72 rounded-xl" />
        ))}
      </div>
    </div>
  );
}
