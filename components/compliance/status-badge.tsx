import { CircleCheck, CircleDashed, CircleMinus, CircleX, Hand, Signature, TriangleAlert, type LucideIcon } from "lucide-react";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import { cn } from "@/components/ui/cn";
import { REQUIREMENT_STATUS_DESCRIPTION, REQUIREMENT_STATUS_LABEL, REQUIREMENT_STATUS_TONE } from "./labels";

const ICON: Record<RequirementStatus, LucideIcon> = {
  PASS: CircleCheck,
  FAIL: CircleX,
  ERROR: TriangleAlert,
  NO_EVIDENCE: CircleDashed,
  NOT_APPLICABLE: CircleMinus,
  MANUAL: Hand,
  ATTESTED: Signature,
};

/** As on the posture pages, colour never carries the meaning alone: an icon and a word go with it. */
export function RequirementStatusBadge({ status, className }: { status: RequirementStatus; className?: string }) {
  const Icon = ICON[status];
  const tone = REQUIREMENT_STATUS_TONE[status];
  return (
    <span
      title={REQUIREMENT_STATUS_DESCRIPTION[status]}
      className={cn(
        "inline-flex h-6 items-center gap-1 rounded-md border px-1.5 text-xs font-medium whitespace-nowrap",
        tone.bg,
        tone.border,
        className,
      )}
    >
      <Icon aria-hidden className={cn("size-3.5", tone.text)} strokeWidth={2.25} />
      {REQUIREMENT_STATUS_LABEL[status]}
    </span>
  );
}

export function RequirementStatusIcon({ status, className }: { status: RequirementStatus; className?: string }) {
  const Icon = ICON[status];
  return <Icon aria-hidden className={cn("size-4", REQUIREMENT_STATUS_TONE[status].text, className)} strokeWidth={2.25} />;
}
