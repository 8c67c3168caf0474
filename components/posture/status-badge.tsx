import { CircleCheck, CircleMinus, CircleX, Hand, TriangleAlert, type LucideIcon } from "lucide-react";
import type { Severity, Status } from "@/lib/schemas/finding";
import { cn } from "@/components/ui/cn";
import { SEVERITY_LABEL, SEVERITY_TONE, STATUS_DESCRIPTION, STATUS_LABEL, STATUS_TONE } from "./labels";

const STATUS_ICON: Record<Status, LucideIcon> = {
  PASS: CircleCheck,
  FAIL: CircleX,
  ERROR: TriangleAlert,
  NOT_APPLICABLE: CircleMinus,
  MANUAL: Hand,
};

/** Colour never carries the meaning alone: every badge has an icon or shape and a word. */
export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  const Icon = STATUS_ICON[status];
  const tone = STATUS_TONE[status];
  return (
    <span
      title={STATUS_DESCRIPTION[status]}
      className={cn(
        "inline-flex h-6 items-center gap-1 rounded-md border px-1.5 text-xs font-medium whitespace-nowrap",
        tone.bg,
        tone.border,
        className,
      )}
    >
      <Icon aria-hidden className={cn("size-3.5", tone.text)} strokeWidth={2.25} />
      {STATUS_LABEL[status]}
    </span>
  );
}

export function StatusIcon({ status, className }: { status: Status; className?: string }) {
  const Icon = STATUS_ICON[status];
  return <Icon aria-hidden className={cn("size-4", STATUS_TONE[status].text, className)} strokeWidth={2.25} />;
}

const SEVERITY_BARS: Record<Severity, number> = { critical: 4, high: 3, medium: 2, low: 1 };

export function SeverityBadge({ severity, className }: { severity: Severity; className?: string }) {
  const tone = SEVERITY_TONE[severity];
  const bars = SEVERITY_BARS[severity];
  return (
    <span
      className={cn(
        "inline-flex h-6 items-center gap-1.5 rounded-md border px-1.5 text-xs font-medium whitespace-nowrap",
        tone.bg,
        tone.border,
        className,
      )}
    >
      <span aria-hidden className="flex h-3 items-end gap-px">
        {[1, 2, 3, 4].map((n) => (
          <span
            key={n}
            className={cn("w-[3px] rounded-[1px]", n <= bars ? tone.dot : "bg-current opacity-15")}
            style={{ height: `${n * 3}px` }}
          />
        ))}
      </span>
      {SEVERITY_LABEL[severity]}
    </span>
  );
}
