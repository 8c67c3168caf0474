import { ArrowRightLeft, ShieldAlert, ShieldCheck } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { LogSummary } from "@/lib/schemas/logs";
import { BADGE } from "./error-code";
import { POLICY_LABEL, POLICY_SHORT } from "./format";

/** Colour never carries the meaning alone: each badge has an icon and a word. */
export function GuardrailBadge({ action, className }: { action: LogSummary["guardrailAction"]; className?: string }) {
  if (action === "INTERVENED")
    return (
      <span className={cn(BADGE, "border-status-fail/30 bg-status-fail/10 text-status-fail dark:text-red-300", className)}>
        <ShieldAlert aria-hidden className="size-3" strokeWidth={2.25} />
        Intervened
      </span>
    );
  if (action === "NONE")
    return (
      <span className={cn(BADGE, "border-(--border) text-(--muted)", className)} title="A guardrail evaluated and let it through">
        <ShieldCheck aria-hidden className="size-3" />
        Passed
      </span>
    );
  return (
    <span className={cn("text-xs text-(--muted)", className)} title="No guardrail on this call">
      –
    </span>
  );
}

export function PolicyBadge({ type, short }: { type: keyof typeof POLICY_LABEL; short?: boolean }) {
  return (
    <span
      title={`Guardrail policy: ${POLICY_LABEL[type]}`}
      className={cn(BADGE, "border-status-manual/25 bg-status-manual/10 text-status-manual dark:text-violet-300")}
    >
      {short ? POLICY_SHORT[type] : POLICY_LABEL[type]}
    </span>
  );
}

/** Cross-Region inference: the call was served outside the Region it was made in. */
export function CrossRegionMark({ region, inferenceRegion }: { region: string | null; inferenceRegion: string | null }) {
  const label = `Cross-Region inference${inferenceRegion ? `: served in ${inferenceRegion}` : ""}${region ? `, called in ${region}` : ""}`;
  return (
    <span
      title={label}
      className="inline-grid size-4 shrink-0 place-items-center rounded bg-sky-500/15 text-sky-700 dark:text-sky-300"
    >
      <ArrowRightLeft aria-hidden className="size-2.5" strokeWidth={2.5} />
      <span className="sr-only">{label}</span>
    </span>
  );
}
