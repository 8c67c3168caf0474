"use client";

import { X } from "lucide-react";
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
        <span
          key={c.key}
          title={`${c.field}: ${c.title}`}
          className="inline-flex h-7 max-w-[22rem] items-center gap-1 rounded-md border border-(--accent)/25 bg-(--accent)/[0.07] pr-0.5 pl-2 text-xs"
        >
          <span className="shrink-0 text-(--muted)">{c.field}</span>
          <b className="min-w-0 truncate font-medium">{c.value}</b>
          <button
            type="button"
            onClick={() => onChange(c.remove)}
            className="grid size-6 shrink-0 place-items-center rounded text-(--muted) hover:bg-slate-900/[0.06] hover:text-(--foreground) dark:hover:bg-white/[0.08]"
          >
            <X aria-hidden className="size-3" />
            <span className="sr-only">
              Remove filter {c.field}: {c.value}
            </span>
          </button>
        </span>
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
