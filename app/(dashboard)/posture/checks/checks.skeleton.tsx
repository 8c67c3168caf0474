import { Skeleton } from "@/components/ui/skeleton";

export function CatalogSkeleton() {
  return (
    <div aria-hidden className="space-y-4">
      <Skeleton className="h-8 w-full max-w-2xl" />
      <Skeleton className="h-[36rem] w-full rounded-xl" />
    </div>
  );
}
