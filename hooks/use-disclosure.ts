"use client";

import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "./use-dismiss";

/**
 * The state of a disclosure (a trigger button and its panel): Escape or a press outside closes it.
 * Spread `triggerProps` on the button and `panelProps` on the panel so `aria-controls` matches.
 */
export function useDisclosure<P extends HTMLElement = HTMLDivElement>() {
  const [open, setOpen] = useState(false);
  const panel = useRef<P>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, panel, trigger);
  const id = useId();
  return {
    open,
    setOpen,
    close,
    toggle: () => setOpen((o) => !o),
    triggerProps: { ref: trigger, "aria-expanded": open, "aria-controls": id },
    panelProps: { ref: panel, id, hidden: !open },
  };
}
