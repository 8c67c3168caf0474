"use client";

import { ChevronDown } from "lucide-react";
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/hooks/use-dismiss";

export type FilterOption<T extends string> = { value: T; label: ReactNode; hint?: string };

type Props<T extends string> = {
  label: string;
  options: readonly FilterOption<T>[];
  selected: readonly T[];
  onChange: (next: T[]) => void;
};

/** A multi-select filter: a disclosure button opening a group of checkboxes. */
export function FilterMenu<T extends string>({ label, options, selected, onChange }: Props<T>) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, panel, trigger);
  const id = useId();
  const count = selected.length;

  const toggle = (value: T) => {
    onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  };

  return (
    <div className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        className={cn(
          "inline-flex h-8 items-center gap-1.5 rounded-lg border px-2.5 text-xs font-medium transition-colors",
          count > 0
            ? "border-(--accent)/40 bg-(--accent)/10 text-(--foreground)"
            : "border-(--border) bg-(--card) text-(--muted) hover:text-(--foreground)",
        )}
      >
        {label}
        <span className="sr-only"> filter</span>
        {count > 0 && (
          <span className="grid h-4 min-w-4 place-items-center rounded-full bg-(--accent) px-1 text-[10px] font-semibold text-white dark:text-slate-950">
            {count}
            <span className="sr-only">selected</span>
          </span>
        )}
        <ChevronDown aria-hidden className={cn("size-3.5 transition-transform", open && "rotate-180")} />
      </button>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        className="absolute top-full left-0 z-30 mt-1.5 max-h-80 w-64 overflow-auto rounded-xl border border-(--border) bg-(--card) p-1.5 shadow-lg"
      >
        <fieldset>
          <legend className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-(--muted) uppercase">{label}</legend>
          {options.map((o) => {
            const checked = selected.includes(o.value);
            return (
              <label
                key={o.value}
                className="flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm hover:bg-slate-900/[0.04] dark:hover:bg-white/[0.05]"
              >
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() => toggle(o.value)}
                  className="size-4 shrink-0 cursor-pointer rounded accent-(--accent)"
                />
                <span className="min-w-0 flex-1 truncate">{o.label}</span>
                {o.hint && <span className="shrink-0 font-mono text-[11px] text-(--muted)">{o.hint}</span>}
              </label>
            );
          })}
        </fieldset>
      </div>
    </div>
  );
}
