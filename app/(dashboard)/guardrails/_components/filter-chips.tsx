"use client";

import { visibleText } from "@/components/logs/escape";
import { shortModel } from "@/components/logs/format";
import { FilterChip } from "@/components/ui/filter-chip";
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
        <FilterChip
          key={`${c.key}:${c.v}`}
          field={c.field}
          value={c.value}
          title={visibleText(c.v)}
          onRemove={() => onChange({ [c.key]: state[c.key].filter((x) => x !== c.v) })}
        />
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
