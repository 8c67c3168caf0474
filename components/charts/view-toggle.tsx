import { ChartColumn, Table2 } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type ChartView = "chart" | "table";

const VIEWS = [
  ["chart", "Chart", ChartColumn],
  ["table", "Table", Table2],
] as const;

/** The chart/table switch of a chart panel; the table is the accessible reading of the same numbers. */
export function ViewToggle({
  label,
  view,
  onChange,
  className,
}: {
  /** The group's accessible name, "Show … as". */
  label: string;
  view: ChartView;
  onChange: (view: ChartView) => void;
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={cn("flex rounded-md border border-(--border) p-0.5", className)}>
      {VIEWS.map(([v, text, Icon]) => (
        <button
          key={v}
          type="button"
          aria-pressed={view === v}
          onClick={() => onChange(v)}
          className={cn(
            "flex h-6 items-center gap-1 rounded px-1.5 text-[11px] font-medium",
            view === v ? "bg-slate-900/[0.07] text-(--foreground) dark:bg-white/10" : "text-(--muted) hover:text-(--foreground)",
          )}
        >
          <Icon aria-hidden className="size-3" />
          {text}
        </button>
      ))}
    </div>
  );
}
