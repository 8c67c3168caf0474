import { CircleSlash } from "lucide-react";
import Link from "next/link";
import { SeverityBadge, StatusBadge } from "@/components/posture/status-badge";
import { cn } from "@/components/ui/cn";
import type { FilterStrength, WeakSetting } from "@/lib/schemas/guardrail-inventory";

// Literal class strings so Tailwind sees them; the word always travels with the colour.
const STRENGTH_TONE: Record<FilterStrength, string> = {
  HIGH: "border-status-pass/30 bg-status-pass/10 text-status-pass",
  MEDIUM: "border-sky-500/30 bg-sky-500/10 text-sky-700 dark:text-sky-300",
  LOW: "border-severity-high/30 bg-severity-high/10 text-severity-high",
  NONE: "border-status-fail/30 bg-status-fail/10 text-status-fail",
};

type Side = { strength: FilterStrength; action: string | null; enabled: boolean };

/** A filter side's strength; "Off" when AWS evaluates nothing on that side, "detect" when it only reports. */
export function StrengthBadge({ side, label }: { side: Side; label: string }) {
  if (!side.enabled)
    return (
      <span
        aria-label={`${label}: off`}
        className="inline-flex h-5 items-center gap-1 rounded border border-status-fail/30 bg-status-fail/10 px-1.5 text-[11px] font-medium text-status-fail"
      >
        <CircleSlash aria-hidden className="size-3" />
        Off
      </span>
    );
  return (
    <span
      aria-label={`${label}: ${side.strength}${side.action === "NONE" ? ", detect only" : ""}`}
      className={cn(
        "inline-flex h-5 items-center gap-1 rounded border px-1.5 font-mono text-[11px] font-medium",
        STRENGTH_TONE[side.strength],
      )}
    >
      {side.strength}
      {side.action === "NONE" && <span className="font-sans font-normal opacity-80">detect</span>}
    </span>
  );
}

const ACTION_TONE: Record<string, string> = {
  BLOCK: "text-status-pass",
  ANONYMIZE: "text-sky-700 dark:text-sky-300",
  NONE: "text-severity-high",
};

/** A PII / topic / regex action; NONE means detect-only, null or disabled means not evaluated. */
export function ActionText({ action, enabled = true }: { action: string | null; enabled?: boolean }) {
  if (!enabled || action === null) return <span className="text-xs text-status-fail">Off</span>;
  return (
    <span className={cn("font-mono text-[11px] font-medium", ACTION_TONE[action] ?? "text-(--foreground)")}>
      {action === "NONE" ? "DETECT" : action}
    </span>
  );
}

/** The checks' verdicts on one part of the guardrail, each linking to its check. */
export function WeakSettingList({ items, className }: { items: WeakSetting[]; className?: string }) {
  if (items.length === 0) return null;
  return (
    <ul className={cn("space-y-1.5", className)}>
      {items.map((w) => (
        <li
          key={`${w.checkId} ${w.resourceArn}`}
          className="flex flex-wrap items-start gap-2 rounded-md border border-status-fail/20 bg-status-fail/[0.04] px-2.5 py-1.5 text-xs"
        >
          <SeverityBadge severity={w.severity} className="h-5" />
          <StatusBadge status={w.status} className="h-5" />
          <span className="min-w-0 flex-1">
            <Link href={`/posture/checks/${w.checkId}`} prefetch={false} className="font-medium hover:underline">
              {w.checkTitle}
            </Link>
            <span className="block [overflow-wrap:anywhere] text-(--muted)">{w.message}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
