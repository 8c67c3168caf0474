"use client";

import { useState } from "react";

const LIMIT = 160;

/** An AWS error message, cut at a word boundary when long; the full text is one click away. */
export function ReasonText({ text }: { text: string }) {
  const [open, setOpen] = useState(false);
  if (text.length <= LIMIT) return <span className="break-words">{text}</span>;
  const cut = text.lastIndexOf(" ", LIMIT);
  const short = text.slice(0, cut > LIMIT / 2 ? cut : LIMIT);
  return (
    <span className="break-words">
      {open ? text : `${short}…`}{" "}
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded text-xs font-medium whitespace-nowrap text-(--accent) hover:underline"
      >
        {open ? "Show less" : "Show more"}
      </button>
    </span>
  );
}
