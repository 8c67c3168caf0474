import { cn } from "@/components/ui/cn";
import { arnParts } from "./arn";

/** The resource part of an ARN, truncated, with the full ARN on hover and for screen readers. */
export function ResourceName({ arn, className }: { arn: string; className?: string }) {
  const { service, resource } = arnParts(arn);
  return (
    <span title={arn} className={cn("block min-w-0", className)}>
      {/* Region-wide findings (no guardrail, no trail) carry a "*" resource. */}
      <span aria-hidden className="block truncate font-mono text-xs">
        {resource === "*" ? <span className="font-sans text-(--muted) italic">whole region</span> : resource}
      </span>
      {service && (
        <span aria-hidden className="block truncate text-[11px] text-(--muted)">
          {service}
        </span>
      )}
      <span className="sr-only">{arn}</span>
    </span>
  );
}
