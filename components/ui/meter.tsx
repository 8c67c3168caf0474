import { cn } from "./cn";

/** A decorative bar for a share; the number beside it carries the meaning for assistive tech. */
export function Meter({ value, className, barClassName }: { value: number; className?: string; barClassName?: string }) {
  const width = Math.min(100, Math.max(0, value));
  return (
    <div aria-hidden className={cn("h-1.5 w-full overflow-hidden rounded-full bg-slate-200/70 dark:bg-white/[0.08]", className)}>
      <div className={cn("h-full rounded-full", barClassName)} style={{ width: `${width}%` }} />
    </div>
  );
}
