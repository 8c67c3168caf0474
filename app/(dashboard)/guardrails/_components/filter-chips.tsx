"use client";

import { X } from "lucide-react";
import { visibleText } from "@/components/logs/escape";
import { shortModel } from "@/components/logs/format";
import { FILTER_KEYS, type FilterKey, type GuardrailsPatch, type GuardrailsSearchState } from "../search-params";
import { principalName } from "./top-principals";

const FIELDS: Record<FilterKey, { field: string; show?: (v: string) => string }> = {
  account: { field: "Account" },
  region: { field: "Region" },
  model: { field: "Model", show: shortModel },
  principal: { field: "Principal", show: principalName },
  gid: { field: "Guardrail" },
};

type Props = { state: GuardrailsSearchState; onChange: (patch: GuardrailsPatch) => void };

/** The page's filters (from a link or /logs) as removable chips; the same look as the explorer's. */
export function FilterChips({ state, onChange }: Props) {
  const chips = FILTER_KEYS.flatMap((key) =>
    state[key].map((v) => ({ key, v, field: FIELDS[key].field, value: visibleText(FIELDS[key].show?.(v) ?? v) })),
  );
  if (chips.length === 0) return null;
  return (
    <div role="group" aria-label="Active filters" className="flex min-h-8 flex-wrap items-center gap-1.5">
      {chips.map((c) => (
        <span
          key={`${c.key}:${c.v}`}
          title={`${c.field}: ${visibleText(c.v)}`}
          className="inline-flex h-7 max-w-[22rem] items-center gap-1 rounded-md border border-(--accent)/25 bg-(--accent)/[0.07] pr-0.5 pl-2 text-xs"
        >
          <span className="shrink-0 text-(--muted)">{c.field}</span>
          <b className="min-w-0 truncate font-medium">{c.value}</b>
          <button
            type="button"
            onClick={() => onChange({ [c.key]: state[c.key].filter((x) => x !== c.v) })}
            className="grid size-6 shrink-0 place-items-center rounded text-(--muted) hover:bg-slate-900/[0.06] hover:text-(--foreground) dark:hover:bg-white/[0.08]"
          >
            <X aria-hidden className="size-3" />
            <span className="sr-only">
              Remove filter {c.field}: {c.value}
            </span>
          </button>
        </span>
      ))}
      <button
        type="button"
        onClick={() => onChange(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
        className="h-7 rounded-md px-2 text-xs font-medium text-(--accent) hover:underline"
      >
        Clear all
      </button>
    </div>
  );
}
