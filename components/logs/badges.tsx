import { ArrowRightLeft, ShieldAlert, ShieldCheck, TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { LogSummary } from "@/lib/schemas/logs";
import { POLICY_LABEL, POLICY_SHORT } from "./format";
import { visibleText } from "./escape";

const BADGE = "inline-flex h-5 items-center gap-1 rounded border px-1.5 text-[11px] font-medium whitespace-nowrap";

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

export function ErrorCode({ code }: { code: string | null }) {
  if (!code) return <span className="text-xs text-(--muted)">–</span>;
  const shown = visibleText(code);
  return (
    <span
      className={cn(BADGE, "max-w-full border-status-error/30 bg-status-error/10 text-amber-800 dark:text-amber-300")}
      title={shown}
    >
      <TriangleAlert aria-hidden className="size-3 shrink-0" strokeWidth={2.25} />
      <span className="truncate">{shown}</span>
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
