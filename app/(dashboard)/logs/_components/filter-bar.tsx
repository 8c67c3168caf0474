"use client";

import { FilterChip } from "@/components/ui/filter-chip";
import type { LogsPatch, LogsSearchState } from "../search-params";
import { AddFilterMenu } from "./add-filter-menu";
import { filterChips } from "./filter-chips";

type Props = {
  state: LogsSearchState;
  onChange: (patch: LogsPatch) => void;
  onClear: () => void;
};

/** Active filters as removable chips, the menu for filters without a facet, and "Clear all". */
export function FilterBar({ state, onChange, onClear }: Props) {
  const chips = filterChips(state);
  return (
    <div role="group" aria-label="Active filters" className="flex min-h-8 flex-wrap items-center gap-1.5">
      {chips.map((c) => (
        <FilterChip key={c.key} field={c.field} value={c.value} title={c.title} onRemove={() => onChange(c.remove)} />
      ))}
      <AddFilterMenu state={state} onChange={onChange} />
      {(chips.length > 0 || state.q.trim()) && (
        <button
          type="button"
          onClick={onClear}
          className="h-7 rounded-md px-2 text-xs font-medium text-(--accent) hover:underline"
        >
          Clear all
        </button>
      )}
    </div>
  );
}
