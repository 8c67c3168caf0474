import type { LucideIcon } from "lucide-react";
import { cn } from "./cn";

/** Tailwind classes of one status colour: its text, a tinted background and a border. */
export type Tone = { text: string; bg: string; border: string };

type BadgeProps = { icon: LucideIcon; tone: Tone; label: string; description: string; className?: string };

/** A status as a small badge. Colour never carries the meaning alone: an icon and a word go with it. */
export function ToneBadge({ icon: Icon, tone, label, description, className }: BadgeProps) {
  return (
    <span
      title={description}
      className={cn(
        "inline-flex h-6 items-center gap-1 rounded-md border px-1.5 text-xs font-medium whitespace-nowrap",
        tone.bg,
        tone.border,
        className,
      )}
    >
      <Icon aria-hidden className={cn("size-3.5", tone.text)} strokeWidth={2.25} />
      {label}
    </span>
  );
}

export function ToneIcon({ icon: Icon, tone, className }: { icon: LucideIcon; tone: Tone; className?: string }) {
  return <Icon aria-hidden className={cn("size-4", tone.text, className)} strokeWidth={2.25} />;
}
