"use client";

import { CalendarClock, ChevronDown } from "lucide-react";
import { AbsoluteRangeForm } from "@/components/time/absolute-range-form";
import type { RangeControlProps } from "@/components/time/range-control";
import { PresetButton } from "@/components/time/preset-button";
import { describeRange } from "@/components/time/range-format";
import { cn } from "@/components/ui/cn";
import { useDisclosure } from "@/hooks/use-disclosure";
import { PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "../search-params";

/** The explorer reads at most a year and a day. */
const MAX_SPAN_MS = 366 * 86_400_000;

type Props = RangeControlProps<RangePreset>;

export function TimeRangePicker({ preset, absolute, resolved, onPreset, onAbsolute }: Props) {
  const { open, setOpen, toggle, triggerProps, panelProps } = useDisclosure();

  return (
    <div className="relative">
      <button
        {...triggerProps}
        type="button"
        aria-label={`Time range: ${absolute ? describeRange(absolute.from, absolute.to) : PRESET_LABEL[preset]}`}
        onClick={toggle}
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
        {...panelProps}
        className="absolute top-full right-0 z-40 mt-1.5 w-80 rounded-xl border border-(--border) bg-(--card) p-2 shadow-xl"
      >
        <p className="px-2 pt-1 pb-1.5 text-[11px] font-medium tracking-wide text-(--muted) uppercase">Relative</p>
        <div role="group" aria-label="Relative time ranges" className="grid grid-cols-5 gap-1 px-1">
          {RANGE_PRESETS.map((p) => (
            <PresetButton
              key={p}
              preset={p}
              label={PRESET_LABEL[p]}
              active={!absolute && p === preset}
              onClick={() => {
                onPreset(p);
                setOpen(false);
              }}
              className="h-8 rounded-md"
              activeClassName="bg-(--accent) text-white dark:text-slate-950"
              idleClassName="bg-slate-900/[0.04] hover:bg-slate-900/[0.08] dark:bg-white/[0.05] dark:hover:bg-white/[0.1]"
            />
          ))}
        </div>
        <AbsoluteRangeForm
          resolved={resolved}
          maxSpanMs={MAX_SPAN_MS}
          tooLong="A range can span at most 366 days."
          onApply={(from, to) => {
            onAbsolute(from, to);
            setOpen(false);
          }}
          className="mt-3 border-t border-(--border) px-1 pt-3"
          headingClassName="px-1"
        />
      </div>
    </div>
  );
}
