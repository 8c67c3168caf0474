"use client";

import { CalendarClock } from "lucide-react";
import { AbsoluteRangeForm } from "@/components/time/absolute-range-form";
import type { RangeControlProps } from "@/components/time/range-control";
import { PresetButton } from "@/components/time/preset-button";
import { describeRange } from "@/components/time/range-format";
import { cn } from "@/components/ui/cn";
import { useDisclosure } from "@/hooks/use-disclosure";
import { MAX_SPAN_MS, PRESET_LABEL, RANGE_PRESETS, type RangePreset } from "../search-params";

type Props = RangeControlProps<RangePreset>;

const ACTIVE = "bg-(--accent) text-white dark:text-slate-950";
const IDLE = "hover:bg-slate-900/[0.05] dark:hover:bg-white/[0.08]";

/** Presets resolve to absolute times once, when picked: paging keeps the same `to`. */
export function TimeRange({ preset, absolute, resolved, onPreset, onAbsolute }: Props) {
  const { setOpen, toggle, triggerProps, panelProps } = useDisclosure();

  return (
    <div className="relative flex items-center gap-2">
      <div
        role="group"
        aria-label="Time range"
        className="inline-flex h-9 rounded-lg border border-(--border) bg-(--card) p-0.5 shadow-xs"
      >
        {RANGE_PRESETS.map((p) => (
          <PresetButton
            key={p}
            preset={p}
            label={PRESET_LABEL[p]}
            active={!absolute && p === preset}
            onClick={() => onPreset(p)}
            className="h-full rounded-md px-2.5"
            activeClassName={ACTIVE}
            idleClassName={IDLE}
          />
        ))}
        <button
          {...triggerProps}
          type="button"
          aria-pressed={absolute !== null}
          onClick={toggle}
          className={cn(
            "inline-flex h-full items-center gap-1.5 rounded-md px-2.5 text-xs font-medium",
            absolute ? ACTIVE : IDLE,
          )}
        >
          <CalendarClock aria-hidden className="size-3.5" />
          {absolute ? <span className="tabular-nums">{describeRange(absolute.from, absolute.to)}</span> : "Custom"}
        </button>
      </div>
      <div
        {...panelProps}
        className="absolute top-full left-0 z-40 mt-1.5 w-80 rounded-xl border border-(--border) bg-(--card) p-3 shadow-xl"
      >
        <AbsoluteRangeForm
          resolved={resolved}
          maxSpanMs={MAX_SPAN_MS}
          tooLong="CloudTrail lookups reach 90 days: pick a shorter range."
          onApply={(from, to) => {
            onAbsolute(from, to);
            setOpen(false);
          }}
        />
      </div>
    </div>
  );
}
