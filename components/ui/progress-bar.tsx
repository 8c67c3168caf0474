import { cn } from "./cn";

type Props = { value: number; label: string; valueText?: string; className?: string; barClassName?: string };

/** A determinate progress bar; `value` is a percentage and is announced with `valueText` when given. */
export function ProgressBar({ value, label, valueText, className, barClassName }: Props) {
  const clamped = Math.min(100, Math.max(0, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={valueText ?? `${clamped}%`}
      className={cn("h-2 w-full overflow-hidden rounded-full bg-slate-200/80 dark:bg-white/10", className)}
    >
      <div
        className={cn("h-full rounded-full bg-(--accent) transition-[width] duration-500 ease-out", barClassName)}
        style={{ width: `${clamped}%` }}
      />
    </div>
  );
}
