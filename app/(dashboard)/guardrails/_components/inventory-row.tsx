"use client";

import { ChevronRight, CircleCheck } from "lucide-react";
import { useId, useState } from "react";
import { SeverityBadge } from "@/components/posture/status-badge";
import { cn } from "@/components/ui/cn";
import type { GuardrailView } from "@/lib/schemas/guardrail-inventory";
import { GuardrailDetails } from "./inventory-details";

/** One guardrail: a summary line that expands to its settings. */
export function GuardrailRow({ g }: { g: GuardrailView }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const evaluated = g.versions.find((v) => v.evaluated);
  // Weak settings arrive most severe first; N/A and manual verdicts are listed in the details but not counted here.
  const weak = g.weakSettings.filter((w) => w.status === "FAIL" || w.status === "ERROR");
  const worst = weak[0];
  return (
    <li className="border-b border-(--border) last:border-0">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panel}
        onClick={() => setOpen((o) => !o)}
        className="grid w-full grid-cols-[1rem_minmax(0,2fr)_5rem_minmax(0,1fr)_minmax(0,1.4fr)] items-center gap-3 px-5 py-2.5 text-left text-sm hover:bg-slate-900/[0.025] focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-(--accent) dark:hover:bg-white/[0.03]"
      >
        <ChevronRight aria-hidden className={cn("size-4 text-(--muted) transition-transform", open && "rotate-90")} />
        <span className="min-w-0">
          <span className="block truncate font-medium">{g.name}</span>
          <span className="block truncate font-mono text-[11px] text-(--muted)">{g.id}</span>
        </span>
        <span className="font-mono text-xs">
          {evaluated ? (evaluated.version === "DRAFT" ? "DRAFT" : `v${evaluated.version}`) : "—"}
          <span className="block font-sans text-[11px] text-(--muted)">{g.status}</span>
        </span>
        <span
          className="text-xs text-(--muted)"
          title="Agents, flow nodes and enforced configurations in the inventory. Applications can also name a guardrail per request; those uses show in the metrics, not here."
        >
          {g.usedBy.length === 0 ? "No references" : `Used by ${g.usedBy.length}`}
        </span>
        <span className="flex min-w-0 items-center gap-2 text-xs">
          {worst ? (
            <>
              <SeverityBadge severity={worst.severity} className="h-5" />
              <span className="truncate">
                {weak.length} weak {weak.length === 1 ? "setting" : "settings"}
              </span>
            </>
          ) : (
            <span className="inline-flex items-center gap-1 text-status-pass">
              <CircleCheck aria-hidden className="size-3.5" /> No findings
            </span>
          )}
        </span>
      </button>
      <div id={panel} hidden={!open}>
        {open && <GuardrailDetails g={g} />}
      </div>
    </li>
  );
}
