import { CircleCheck, CircleMinus, CircleX, Hand, TriangleAlert, type LucideIcon } from "lucide-react";
import type { Severity, Status } from "@/lib/schemas/finding";
import { cn } from "@/components/ui/cn";
import { ToneBadge, ToneIcon } from "@/components/ui/tone-badge";
import { SEVERITY_LABEL, SEVERITY_TONE, STATUS_DESCRIPTION, STATUS_LABEL, STATUS_TONE } from "./labels";

const STATUS_ICON: Record<Status, LucideIcon> = {
  PASS: CircleCheck,
  FAIL: CircleX,
  ERROR: TriangleAlert,
  NOT_APPLICABLE: CircleMinus,
  MANUAL: Hand,
};

export function StatusBadge({ status, className }: { status: Status; className?: string }) {
  return (
    <ToneBadge
      icon={STATUS_ICON[status]}
      tone={STATUS_TONE[status]}
      label={STATUS_LABEL[status]}
      description={STATUS_DESCRIPTION[status]}
      className={className}
    />
  );
}

export function StatusIcon({ status, className }: { status: Status; className?: string }) {
  return <ToneIcon icon={STATUS_ICON[status]} tone={STATUS_TONE[status]} className={className} />;
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
