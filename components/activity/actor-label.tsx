import { visibleText } from "@/components/logs/escape";
import { cn } from "@/components/ui/cn";
import type { ActivityEvent } from "@/lib/schemas/activity";

/**
 * Who made the call: a readable name and the identity type. CloudTrail strings are attacker
 * influenced, so they render as escaped React text only, with the full ARN on hover.
 */
export function ActorLabel({
  actor,
  stacked,
  className,
}: {
  actor: ActivityEvent["actor"];
  /** Name over type, for a narrow table cell. */
  stacked?: boolean;
  className?: string;
}) {
  const name = actor.name ?? actor.arn ?? "Unknown caller";
  return (
    <span
      className={cn("flex min-w-0 gap-x-1.5", stacked ? "flex-col leading-tight" : "items-baseline", className)}
      title={actor.arn ? visibleText(actor.arn) : undefined}
    >
      <span className="min-w-0 truncate">{visibleText(name)}</span>
      {actor.type && <span className="shrink-0 truncate text-[11px] text-(--muted)">{visibleText(actor.type)}</span>}
    </span>
  );
}
