"use client";

import { ChevronRight } from "lucide-react";

type Field = { value: string; error: string | null; onChange: (value: string) => void };

const INPUT =
  "mt-1 h-9 w-full rounded-lg border bg-(--card) px-3 font-mono text-xs shadow-xs placeholder:font-sans placeholder:text-(--muted)/80 focus:border-(--accent) focus:outline-none";

function HashInput({
  id,
  label,
  hint,
  placeholder,
  field,
}: {
  id: string;
  label: string;
  hint: string;
  placeholder: string;
  field: Field;
}) {
  return (
    <div>
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        value={field.value}
        onChange={(e) => field.onChange(e.target.value)}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={field.error ? true : undefined}
        aria-describedby={`${id}-hint`}
        className={`${INPUT} ${field.error ? "border-status-fail" : "border-(--border)"}`}
      />
      <p id={`${id}-hint`} className={field.error ? "mt-1 text-xs text-status-fail" : "mt-1 text-xs text-(--muted)"}>
        {field.error ?? hint}
      </p>
    </div>
  );
}

type Props = { previous: Field; trustedKeys: Field; open: boolean; onToggle: (open: boolean) => void };

/** The CLI's --previous and --trusted-key; the form opens it when one of them holds something wrong. */
export function AdvancedFields({ previous, trustedKeys, open, onToggle }: Props) {
  return (
    <details className="group rounded-xl border border-(--border)" open={open} onToggle={(e) => onToggle(e.currentTarget.open)}>
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-xl px-3 py-2.5 text-sm font-medium select-none [&::-webkit-details-marker]:hidden">
        <ChevronRight aria-hidden className="size-4 text-(--muted) transition-transform group-open:rotate-90" />
        Advanced: pin the chain and the signing key
        <span className="ml-auto text-xs font-normal text-(--muted)">optional</span>
      </summary>
      <div className="grid gap-4 border-t border-(--border) px-3 py-3">
        <HashInput
          id="verify-previous"
          label="Expected previous manifest SHA-256"
          placeholder="64 hex characters, or none"
          hint="What the first bundle must name as its previous manifest (none: it must be the first export). Same as --previous."
          field={previous}
        />
        <HashInput
          id="verify-trusted-key"
          label="Trusted key id"
          placeholder="64 hex characters; several separated by commas"
          hint="Require the bundles to be signed by this key (SHA-256 of its SPKI DER). Same as --trusted-key."
          field={trustedKeys}
        />
      </div>
    </details>
  );
}
