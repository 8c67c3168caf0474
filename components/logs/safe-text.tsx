"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatBytes } from "@/lib/format-bytes";
import { splitInvisible, truncateText } from "./escape";

const DEFAULT_LIMIT = 20_000;

/**
 * Logged text rendered as inert React text nodes only: markup stays text, invisible and
 * reordering characters show as \uXXXX escapes, long runs wrap anywhere, and very long values
 * render their first 20,000 characters until asked for more (a 100 kB prompt must not stall the page).
 */
export function SafeText({ text, className, limit = DEFAULT_LIMIT }: { text: string; className?: string; limit?: number }) {
  const [all, setAll] = useState(false);
  const shown = all ? { text, truncated: false } : truncateText(text, limit);
  return (
    <span className={cn("[overflow-wrap:anywhere] whitespace-pre-wrap", className)}>
      {splitInvisible(shown.text).map((s, i) =>
        s.escaped ? (
          <span
            key={i}
            title="Invisible or control character, shown escaped"
            className="mx-px rounded-sm bg-amber-500/15 px-0.5 font-mono text-[0.85em] text-amber-700 dark:text-amber-300"
          >
            {s.text}
          </span>
        ) : (
          s.text
        ),
      )}
      {shown.truncated && (
        <>
          {"… "}
          <button
            type="button"
            onClick={() => setAll(true)}
            className="rounded px-1 font-sans text-xs font-medium text-(--accent) hover:underline"
          >
            Show all ({formatBytes(new TextEncoder().encode(text).length)})
          </button>
        </>
      )}
    </span>
  );
}

/** A bounded, scrollable block of logged text (a prompt, a response, pretty-printed JSON). */
export function TextBlock({
  text,
  label,
  prose,
  className,
}: {
  text: string;
  label: string;
  prose?: boolean;
  className?: string;
}) {
  return (
    <pre
      tabIndex={0}
      aria-label={label}
      className={cn(
        "max-h-96 overflow-auto rounded-lg border border-(--border) bg-slate-50 p-3 dark:bg-black/25",
        prose ? "font-sans text-[13px] leading-relaxed" : "font-mono text-xs leading-relaxed",
        className,
      )}
    >
      {text ? <SafeText text={text} /> : <span className="text-(--muted) italic">(empty)</span>}
    </pre>
  );
}
