"use client";

import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { useDisclosure } from "@/hooks/use-disclosure";

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
  const { open, setOpen, close, triggerProps, panelProps } = useDisclosure();
  return (
    <div className="relative">
      <button
        {...triggerProps}
        type="button"
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
        {...panelProps}
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
