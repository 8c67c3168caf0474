import { cn } from "./cn";

/** A placeholder block; callers give it the size of what it stands for, so nothing moves on load. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden className={cn("animate-pulse rounded-md bg-slate-200/70 dark:bg-white/[0.07]", className)} />;
}
