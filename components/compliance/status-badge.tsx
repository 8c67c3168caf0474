import { CircleCheck, CircleDashed, CircleMinus, CircleX, Hand, Signature, TriangleAlert, type LucideIcon } from "lucide-react";
import type { RequirementStatus } from "@/lib/schemas/compliance";
import { ToneBadge, ToneIcon } from "@/components/ui/tone-badge";
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

/** As on the posture pages: an icon and a word go with the colour. */
export function RequirementStatusBadge({ status, className }: { status: RequirementStatus; className?: string }) {
  return (
    <ToneBadge
      icon={ICON[status]}
      tone={REQUIREMENT_STATUS_TONE[status]}
      label={REQUIREMENT_STATUS_LABEL[status]}
      description={REQUIREMENT_STATUS_DESCRIPTION[status]}
      className={className}
    />
  );
}

export function RequirementStatusIcon({ status, className }: { status: RequirementStatus; className?: string }) {
  return <ToneIcon icon={ICON[status]} tone={REQUIREMENT_STATUS_TONE[status]} className={className} />;
}
