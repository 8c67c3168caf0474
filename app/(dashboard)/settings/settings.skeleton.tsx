import { Skeleton } from "@/components/ui/skeleton";

export const TableCardSkeleton = () => <Skeleton className="h-96 w-full rounded-xl" />;
