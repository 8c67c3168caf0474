import { ShieldAlert, ShieldCheck } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

type Props = {
  ok: boolean;
  /** What was verified: "Bundle 1 · evidence.zip", "Chain of 3 bundles". */
  title: ReactNode;
  children?: ReactNode;
  /** The chain's banner is the page's headline; a bundle's is a card heading. */
  size?: "lg" | "md";
  /** At the right end, e.g. a disclosure chevron. */
  aside?: ReactNode;
};

/** VALID or INVALID, in words and with an icon as well as colour. */
export function VerdictBanner({ ok, title, children, size = "md", aside }: Props) {
  const Icon = ok ? ShieldCheck : ShieldAlert;
  return (
    <div
      className={cn(
        "flex items-start gap-3.5 border-l-4",
        ok ? "border-l-status-pass bg-status-pass/[0.06]" : "border-l-status-fail bg-status-fail/[0.06]",
        size === "lg" ? "rounded-xl border border-(--border) px-5 py-4" : "px-5 py-3.5",
      )}
    >
      <span
        className={cn(
          "grid shrink-0 place-items-center rounded-full",
          ok ? "bg-status-pass/15 text-status-pass" : "bg-status-fail/15 text-status-fail",
          size === "lg" ? "size-10" : "size-8",
        )}
      >
        <Icon aria-hidden className={size === "lg" ? "size-5" : "size-4"} strokeWidth={2.25} />
      </span>
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
          <span
            className={cn(
              "rounded-md px-1.5 py-0.5 text-xs font-bold tracking-wider",
              ok ? "bg-status-pass text-white" : "bg-status-fail text-white",
            )}
          >
            {ok ? "VALID" : "INVALID"}
          </span>
          <span className={cn("min-w-0 font-semibold tracking-tight break-all", size === "lg" ? "text-base" : "text-sm")}>
            {title}
          </span>
        </p>
        {children && <div className="mt-1 text-sm text-(--muted)">{children}</div>}
      </div>
      {aside}
    </div>
  );
}
