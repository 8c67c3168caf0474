import { FlaskConical } from "lucide-react";

export function DemoBadge() {
  return (
    <span
      title="Strata is reading the built-in demo estate, a fictional company. No AWS account is scanned."
      className="inline-flex h-5 items-center gap-1 rounded-full border border-status-manual/30 bg-status-manual/10 px-2 text-[11px] font-medium"
    >
      <FlaskConical aria-hidden className="size-3 text-status-manual" />
      Demo estate
    </span>
  );
}
