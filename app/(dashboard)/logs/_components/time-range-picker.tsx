"use client";

import { CalendarClock, ChevronDown } from "lucide-react";
import { useCallback, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/hooks/use-dismiss";
import { PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "../search-params";

const RANGE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "2025-01-31T13:05" in UTC, the value a datetime-local input shows. */
function toInputValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** The input's value read as UTC (the whole dashboard shows UTC). */
function fromInputValue(value: string): number {
  return Date.parse(`${value}:00Z`);
}

function describeRange(from: number, to: number): string {
  return `${RANGE_FORMAT.format(from)} – ${RANGE_FORMAT.format(to)} UTC`;
}

type Props = {
  preset: RangePreset;
  absolute: { from: number; to: number } | null;
  resolved: { from: number; to: number };
  onPreset: (preset: RangePreset) => void;
  onAbsolute: (from: number, to: number) => void;
};

export function TimeRangePicker({ preset, absolute, resolved, onPreset, onAbsolute }: Props) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, panel, trigger);
  const id = useId();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = fromInputValue(String(data.get("from")));
    const to = fromInputValue(String(data.get("to")));
    if (!Number.isFinite(from) || !Number.isFinite(to)) return setError("Enter both times.");
    if (to <= from) return setError("The end must be after the start.");
    if (to - from > 366 * 86_400_000) return setError("A range can span at most 366 days.");
    setError(null);
    onAbsolute(from, to);
    setOpen(false);
  };

  return (
    <div className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Time range: ${absolute ? describeRange(absolute.from, absolute.to) : PRESET_LABEL[preset]}`}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex h-9 items-center gap-2 rounded-lg border border-(--border) bg-(--card) px-3 text-sm font-medium shadow-xs hover:bg-slate-50 dark:hover:bg-white/5"
      >
        <CalendarClock aria-hidden className="size-4 text-(--muted)" />
        {absolute ? (
          <span className="tabular-nums">{describeRange(absolute.from, absolute.to)}</span>
        ) : (
          <span>{PRESET_LABEL[preset]}</span>
        )}
        <ChevronDown aria-hidden className={cn("size-3.5 text-(--muted) transition-transform", open && "rotate-180")} />
      </button>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        className="absolute top-full right-0 z-40 mt-1.5 w-80 rounded-xl border border-(--border) bg-(--card) p-2 shadow-xl"
      >
        <p className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-(--muted) uppercase">Relative</p>
        <div role="group" aria-label="Relative time ranges" className="grid grid-cols-5 gap-1 px-1">
          {RANGE_PRESETS.map((p) => {
            const active = !absolute && p === preset;
            return (
              <button
                key={p}
                type="button"
                aria-pressed={active}
                title={PRESET_LABEL[p]}
                onClick={() => {
                  onPreset(p);
                  setOpen(false);
                }}
                className={cn(
                  "h-8 rounded-md text-xs font-medium tabular-nums transition-colors",
                  active
                    ? "bg-(--accent) text-white dark:text-slate-950"
                    : "bg-slate-900/[0.04] hover:bg-slate-900/[0.08] dark:bg-white/[0.05] dark:hover:bg-white/[0.1]",
                )}
              >
                <span aria-hidden>{p}</span>
                <span className="sr-only">{PRESET_LABEL[p]}</span>
              </button>
            );
          })}
        </div>
        <form onSubmit={submit} className="mt-3 border-t border-(--border) px-1 pt-3" noValidate>
          <p className="px-1 pb-2 text-[11px] font-medium tracking-wide text-(--muted) uppercase">Absolute (UTC)</p>
          <div className="grid gap-2">
            {(["from", "to"] as const).map((name) => (
              <label key={`${name}-${resolved.from}-${resolved.to}`} className="flex items-center gap-2 text-xs">
                <span className="w-9 text-(--muted)">{name === "from" ? "From" : "To"}</span>
                <input
                  type="datetime-local"
                  name={name}
                  required
                  defaultValue={toInputValue(name === "from" ? resolved.from : resolved.to)}
                  className="h-8 min-w-0 flex-1 rounded-md border border-(--border) bg-(--background) px-2 font-mono text-xs [color-scheme:inherit]"
                />
              </label>
            ))}
          </div>
          {error && (
            <p role="alert" className="mt-2 text-xs text-status-fail">
              {error}
            </p>
          )}
          <div className="mt-3 flex justify-end">
            <Button type="submit" variant="primary" size="sm">
              Apply range
            </Button>
          </div>
        </form>
      </div>
    </div>
  );
}
