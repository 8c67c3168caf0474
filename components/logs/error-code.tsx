import { TriangleAlert } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { visibleText } from "./escape";

/** The small badge shape the log and activity tables share. */
export const BADGE = "inline-flex h-5 items-center gap-1 rounded border px-1.5 text-[11px] font-medium whitespace-nowrap";

/** An API error code (AccessDenied, ThrottlingException), escaped: it comes from the record, not from us. */
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
