"use client";

import { CalendarClock } from "lucide-react";
import { useCallback, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/hooks/use-dismiss";
import { MAX_SPAN_MS, PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "../search-params";

const FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const describe = (from: number, to: number) => `${FORMAT.format(from)} – ${FORMAT.format(to)} UTC`;
/** datetime-local values, read and written as UTC (the whole dashboard shows UTC). */
const toInput = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const fromInput = (value: string) => Date.parse(`${value}:00Z`);

type Props = {
  preset: RangePreset;
  absolute: { from: number; to: number } | null;
  resolved: { from: number; to: number };
  onPreset: (preset: RangePreset) => void;
  onAbsolute: (from: number, to: number) => void;
};

/** Presets resolve to absolute times once, when picked: paging keeps the same `to`. */
export function TimeRange({ preset, absolute, resolved, onPreset, onAbsolute }: Props) {
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
    const from = fromInput(String(data.get("from")));
    const to = fromInput(String(data.get("to")));
    if (!Number.isFinite(from) || !Number.isFinite(to)) return setError("Enter both times.");
    if (to <= from) return setError("The end must be after the start.");
    if (to - from > MAX_SPAN_MS) return setError("CloudTrail lookups reach 90 days: pick a shorter range.");
    setError(null);
    onAbsolute(from, to);
    setOpen(false);
  };

  return (
    <div className="relative flex items-center gap-2">
      <div
        role="group"
        aria-label="Time range"
        className="inline-flex h-9 rounded-lg border border-(--border) bg-(--card) p-0.5 shadow-xs"
      >
        {RANGE_PRESETS.map((p) => {
          const active = !absolute && p === preset;
          return (
            <button
              key={p}
              type="button"
              aria-pressed={active}
              title={PRESET_LABEL[p]}
              onClick={() => onPreset(p)}
              className={cn(
                "h-full rounded-md px-2.5 text-xs font-medium tabular-nums transition-colors",
                active ? "bg-(--accent) text-white dark:text-slate-950" : "hover:bg-slate-900/[0.05] dark:hover:bg-white/[0.08]",
              )}
            >
              <span aria-hidden>{p}</span>
              <span className="sr-only">{PRESET_LABEL[p]}</span>
            </button>
          );
        })}
        <button
          ref={trigger}
          type="button"
          aria-expanded={open}
          aria-controls={id}
          aria-pressed={absolute !== null}
          onClick={() => setOpen((o) => !o)}
          className={cn(
            "inline-flex h-full items-center gap-1.5 rounded-md px-2.5 text-xs font-medium",
            absolute ? "bg-(--accent) text-white dark:text-slate-950" : "hover:bg-slate-900/[0.05] dark:hover:bg-white/[0.08]",
          )}
        >
          <CalendarClock aria-hidden className="size-3.5" />
          {absolute ? <span className="tabular-nums">{describe(absolute.from, absolute.to)}</span> : "Custom"}
        </button>
      </div>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        className="absolute top-full left-0 z-40 mt-1.5 w-80 rounded-xl border border-(--border) bg-(--card) p-3 shadow-xl"
      >
        <form onSubmit={submit} noValidate>
          <p className="pb-2 text-[11px] font-medium tracking-wide text-(--muted) uppercase">Absolute (UTC)</p>
          <div className="grid gap-2">
            {(["from", "to"] as const).map((name) => (
              <label key={`${name}-${resolved.from}-${resolved.to}`} className="flex items-center gap-2 text-xs">
                <span className="w-9 text-(--muted)">{name === "from" ? "From" : "To"}</span>
                <input
                  type="datetime-local"
                  name={name}
                  required
                  defaultValue={toInput(name === "from" ? resolved.from : resolved.to)}
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
