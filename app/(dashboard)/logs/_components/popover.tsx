"use client";

import { ChevronDown } from "lucide-react";
import { useCallback, useId, useRef, useState, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useDismiss } from "@/hooks/use-dismiss";

type Props = {
  label: ReactNode;
  /** The accessible name of the trigger when `label` is not plain text. */
  ariaLabel?: string;
  align?: "left" | "right";
  width?: string;
  children: (close: () => void) => ReactNode;
  onOpen?: () => void;
};

/** A disclosure button with a panel: Escape or a press outside closes it. */
export function Popover({ label, ariaLabel, align = "right", width = "w-72", children, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, panel, trigger);
  const id = useId();
  return (
    <div className="relative">
      <button
        ref={trigger}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        aria-label={ariaLabel}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen((o) => !o);
        }}
        className={buttonClasses("secondary", "md")}
      >
        {label}
        <ChevronDown aria-hidden className={cn("size-3.5! text-(--muted) transition-transform", open && "rotate-180")} />
      </button>
      <div
        ref={panel}
        id={id}
        hidden={!open}
        className={cn(
          "absolute top-full z-40 mt-1.5 rounded-xl border border-(--border) bg-(--card) p-2 shadow-xl",
          align === "right" ? "right-0" : "left-0",
          width,
        )}
      >
        {open && children(close)}
      </div>
    </div>
  );
}
