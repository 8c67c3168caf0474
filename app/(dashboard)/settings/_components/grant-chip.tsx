import { KeyRound } from "lucide-react";
import { cn } from "@/components/ui/cn";

/** An IAM action Strata was denied, to add to its read-only role. Used by server and client components. */
export function GrantChip({ action, className }: { action: string; className?: string }) {
  return (
    <span
      title={`Add ${action} to the policy of the role Strata uses`}
      className={cn(
        "inline-flex h-6 max-w-full items-center gap-1 rounded-md border border-(--accent)/25 bg-(--accent)/[0.07] px-1.5 text-xs whitespace-nowrap",
        className,
      )}
    >
      <KeyRound aria-hidden className="size-3.5 shrink-0 text-(--accent)" />
      <span className="text-(--muted)">Grant:</span>
      <code className="truncate font-mono text-[11px] text-(--foreground)">{action}</code>
    </span>
  );
}
