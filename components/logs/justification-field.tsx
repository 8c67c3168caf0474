"use client";

import { useId } from "react";
import { cn } from "@/components/ui/cn";

export const JUSTIFICATION_MIN = 10;
export const JUSTIFICATION_MAX = 500;

/** The "why" a reveal or a body export asks for; the server checks the same bounds (revealRequestSchema). */
export function JustificationField({
  value,
  onChange,
  error,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  autoFocus?: boolean;
}) {
  const id = useId();
  const length = value.trim().length;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        Justification
      </label>
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        required
        minLength={JUSTIFICATION_MIN}
        maxLength={JUSTIFICATION_MAX}
        rows={3}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        placeholder="e.g. INC-2041: confirm whether customer data was sent to the model"
        className={cn(
          "block w-full resize-y rounded-lg border bg-(--background) px-3 py-2 text-sm placeholder:text-(--muted)/70 focus-visible:border-(--accent)",
          error ? "border-status-fail" : "border-(--border)",
        )}
      />
      <p id={`${id}-hint`} className={cn("flex justify-between gap-3 text-xs", error ? "text-status-fail" : "text-(--muted)")}>
        <span>{error ?? `At least ${JUSTIFICATION_MIN} characters. Recorded in the audit log with your name.`}</span>
        <span className="tabular-nums">
          {length}/{JUSTIFICATION_MAX}
        </span>
      </p>
    </div>
  );
}
