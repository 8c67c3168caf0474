import type { RequirementStatus } from "@/lib/schemas/compliance";
import { cn } from "@/components/ui/cn";
import {
  REQUIREMENT_STATUS_DESCRIPTION,
  REQUIREMENT_STATUS_LABEL,
  REQUIREMENT_STATUS_ORDER,
  REQUIREMENT_STATUS_TONE,
} from "./labels";
import { RequirementStatusIcon } from "./status-badge";

type Totals = Partial<Record<RequirementStatus, number>>;

/** A thin bar of the statuses' shares; decorative, the counts beside it carry the numbers. */
export function StatusBar({ totals, className }: { totals: Totals; className?: string }) {
  const all = REQUIREMENT_STATUS_ORDER.reduce((n, s) => n + (totals[s] ?? 0), 0);
  return (
    <div aria-hidden className={cn("flex h-2 overflow-hidden rounded-full bg-slate-200/70 dark:bg-white/[0.08]", className)}>
      {all > 0 &&
        REQUIREMENT_STATUS_ORDER.filter((s) => (totals[s] ?? 0) > 0).map((s) => (
          <span
            key={s}
            className={cn("h-full", REQUIREMENT_STATUS_TONE[s].solid)}
            style={{ width: `${((totals[s] ?? 0) / all) * 100}%` }}
          />
        ))}
    </div>
  );
}

/** Each status with its count, zeros left out unless asked for. */
export function StatusCounts({
  totals,
  showZero = false,
  className,
}: {
  totals: Totals;
  showZero?: boolean;
  className?: string;
}) {
  const shown = REQUIREMENT_STATUS_ORDER.filter((s) => showZero || (totals[s] ?? 0) > 0);
  return (
    <ul className={cn("flex flex-wrap gap-x-3 gap-y-1 text-xs", className)}>
      {shown.map((s) => (
        <li key={s} className="inline-flex items-center gap-1" title={REQUIREMENT_STATUS_DESCRIPTION[s]}>
          <RequirementStatusIcon status={s} className="size-3.5" />
          <span className="text-(--muted)">{REQUIREMENT_STATUS_LABEL[s]}</span>
          <span className="font-semibold tabular-nums">{totals[s] ?? 0}</span>
        </li>
      ))}
    </ul>
  );
}
