import { CircleCheck, CircleX } from "lucide-react";
import type { VerifyCheck } from "@/lib/schemas/evidence";
import { cn } from "@/components/ui/cn";

const CHECK_LABEL: Record<VerifyCheck["check"], string> = {
  zip: "ZIP",
  limits: "Limits",
  manifest: "Manifest",
  "public-key": "Public key",
  signature: "Signature",
  file: "File",
  chain: "Chain link",
};

/** Checks as rows: the kind, the exact file or link it is about, and the verifier's message. */
export function CheckList({ checks, label }: { checks: readonly VerifyCheck[]; label: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-(--border)">
      {checks.map((c, i) => (
        <li key={`${c.check}-${c.subject}-${i}`} className="flex items-start gap-3 px-5 py-2.5 text-sm">
          {c.ok ? (
            <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-status-pass" strokeWidth={2.25} />
          ) : (
            <CircleX aria-hidden className="mt-0.5 size-4 shrink-0 text-status-fail" strokeWidth={2.25} />
          )}
          <span className="sr-only">{c.ok ? "Passed:" : "Failed:"}</span>
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span
                className={cn(
                  "rounded border px-1.5 text-[11px] leading-5 font-medium",
                  c.ok ? "border-(--border) text-(--muted)" : "border-status-fail/30 bg-status-fail/[0.07] text-status-fail",
                )}
              >
                {CHECK_LABEL[c.check]}
              </span>
              <code className="min-w-0 font-mono text-xs font-medium break-all">{c.subject}</code>
            </p>
            <p className={cn("mt-0.5 [overflow-wrap:anywhere]", c.ok ? "text-(--muted)" : "text-(--foreground)")}>{c.message}</p>
          </div>
        </li>
      ))}
    </ul>
  );
}
