"use client";

import { useState, type FormEvent } from "react";
import { FormFooter } from "@/components/ui/form-footer";
import { cn } from "@/components/ui/cn";
import { fromInputValue, toInputValue } from "./range-format";

type Props = {
  /** The range the inputs start from (the one shown now). */
  resolved: { from: number; to: number };
  maxSpanMs: number;
  /** Said when the range is longer than `maxSpanMs`. */
  tooLong: string;
  onApply: (from: number, to: number) => void;
  className?: string;
  headingClassName?: string;
};

/** From/To datetime-local inputs read as UTC, checked before `onApply`. */
export function AbsoluteRangeForm({ resolved, maxSpanMs, tooLong, onApply, className, headingClassName }: Props) {
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const from = fromInputValue(String(data.get("from")));
    const to = fromInputValue(String(data.get("to")));
    if (!Number.isFinite(from) || !Number.isFinite(to)) return setError("Enter both times.");
    if (to <= from) return setError("The end must be after the start.");
    if (to - from > maxSpanMs) return setError(tooLong);
    setError(null);
    onApply(from, to);
  };

  return (
    <form onSubmit={submit} className={className} noValidate>
      <p className={cn("pb-2 text-[11px] font-medium tracking-wide text-(--muted) uppercase", headingClassName)}>
        Absolute (UTC)
      </p>
      <div className="grid gap-2">
        {(["from", "to"] as const).map((name) => (
          // Keyed on the range so a new range resets the uncontrolled inputs.
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
      <FormFooter error={error} submitLabel="Apply range" spaced />
    </form>
  );
}
