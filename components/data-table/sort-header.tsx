"use client";

import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import { cn } from "@/components/ui/cn";

type Props = { label: string; direction: "asc" | "desc" | false; onToggle: () => void; align?: "left" | "right" };

/** A column header button; the <th> carries aria-sort, this says what a press will do. */
export function SortHeader({ label, direction, onToggle, align = "left" }: Props) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ArrowUpDown;
  return (
    <button
      type="button"
      onClick={onToggle}
      className={cn(
        "-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 hover:bg-slate-900/[0.05] hover:text-(--foreground) dark:hover:bg-white/[0.06]",
        direction && "text-(--foreground)",
        align === "right" && "flex-row-reverse",
      )}
    >
      {label}
      <Icon aria-hidden className={cn("size-3", !direction && "opacity-40")} />
    </button>
  );
}

export function ariaSort(direction: "asc" | "desc" | false): "ascending" | "descending" | "none" {
  return direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none";
}
