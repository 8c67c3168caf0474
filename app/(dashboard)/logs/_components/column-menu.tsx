"use client";

import { Columns3 } from "lucide-react";
import { COLUMN_IDS, DEFAULT_COLUMNS, type ColumnId } from "../search-params";
import { COLUMN_LABEL } from "./columns";
import { Popover } from "./popover";

type Props = { columns: readonly ColumnId[]; onChange: (cols: ColumnId[] | null) => void };

/** Show or hide columns; the choice is in the URL (`cols`), the default set leaves it out. */
export function ColumnMenu({ columns, onChange }: Props) {
  const toggle = (id: ColumnId) => {
    const next = columns.includes(id) ? columns.filter((c) => c !== id) : [...columns, id];
    const ordered = COLUMN_IDS.filter((c) => next.includes(c));
    const isDefault = ordered.length === DEFAULT_COLUMNS.length && ordered.every((c, i) => c === DEFAULT_COLUMNS[i]);
    onChange(isDefault ? null : ordered);
  };
  return (
    <Popover
      label={
        <>
          <Columns3 aria-hidden />
          Columns
        </>
      }
      ariaLabel="Choose columns"
      width="w-56"
    >
      {() => (
        <fieldset>
          <legend className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-(--muted) uppercase">Columns</legend>
          {COLUMN_IDS.map((id) => (
            <label
              key={id}
              className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-slate-900/[0.04] has-disabled:cursor-default has-disabled:opacity-60 dark:hover:bg-white/[0.05]"
            >
              <input
                type="checkbox"
                checked={columns.includes(id)}
                disabled={id === "time"}
                onChange={() => toggle(id)}
                className="size-4 accent-(--accent)"
              />
              {COLUMN_LABEL[id]}
            </label>
          ))}
          <button
            type="button"
            onClick={() => onChange(null)}
            className="mt-1 w-full rounded-md px-2 py-1.5 text-left text-xs font-medium text-(--accent) hover:bg-slate-900/[0.04] dark:hover:bg-white/[0.05]"
          >
            Reset to default
          </button>
        </fieldset>
      )}
    </Popover>
  );
}
