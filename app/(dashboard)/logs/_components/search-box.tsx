"use client";

import { Search } from "lucide-react";
import { useEffect, useRef, useState } from "react";

/** Full-text search over prompt and response text; typing is debounced, Enter searches at once. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (text: string) => void }) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Follows the URL when it changes from elsewhere (Clear all, a saved view, back/forward).
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);
  const input = useRef<HTMLInputElement>(null);
  // "/" focuses the search, as in most log explorers.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      if (e.key !== "/" || target?.closest("input, textarea, select, dialog")) return;
      e.preventDefault();
      input.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <form
      role="search"
      className="relative min-w-0 flex-1"
      onSubmit={(e) => {
        e.preventDefault();
        clearTimeout(timer.current);
        onSearch(text);
      }}
    >
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-(--muted)" />
      <input
        ref={input}
        type="search"
        aria-label="Search prompt and response text"
        placeholder="Search prompt and response text…"
        value={text}
        maxLength={200}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => onSearch(next), 400);
        }}
        className="h-9 w-full rounded-lg border border-(--border) bg-(--card) pr-10 pl-9 text-sm shadow-xs placeholder:text-(--muted) focus-visible:border-(--accent)"
      />
      <kbd
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 rounded border border-(--border) px-1.5 font-mono text-[10px] text-(--muted)"
      >
        /
      </kbd>
    </form>
  );
}
