"use client";

import { ChevronDown, ChevronUp, RotateCcw, X } from "lucide-react";
import { useEffect, useRef, type ReactNode, type Ref } from "react";
import { Button } from "./button";
import { cn } from "./cn";

type Props = {
  /** The id of the heading, which names the dialog. */
  titleId: string;
  title: ReactNode;
  /** Time and position ("3 of 50"), or nothing yet. */
  subtitle: string;
  /** The heading takes focus whenever this changes (another item shown), so a screen reader reads it. */
  focusKey: string;
  onPrev: (() => void) | null;
  onNext: (() => void) | null;
  onClose: () => void;
  /** Accessible names of the buttons, e.g. "Previous record (k)". */
  labels: { prev: string; next: string; close: string };
  /** Keyboard shortcuts named in the buttons' titles. */
  keys?: { prev: string; next: string };
  /** Buttons between "Next" and "Close". */
  actions?: ReactNode;
  /** A Tailwind width class. */
  width: string;
  panelRef?: Ref<HTMLElement>;
  busy?: boolean;
  children: ReactNode;
};

/** A non-modal side panel beside a table: a heading, previous/next/close, and a scrolling body. */
export function DrawerFrame({
  titleId,
  title,
  subtitle,
  focusKey,
  onPrev,
  onNext,
  onClose,
  labels,
  keys,
  actions,
  width,
  panelRef,
  busy,
  children,
}: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, [focusKey]);

  return (
    <aside
      ref={panelRef}
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className={cn(
        "fixed inset-y-0 right-0 z-40 flex flex-col border-l border-(--border) bg-(--card) shadow-[-16px_0_48px_-12px_rgb(15_23_42/0.25)]",
        width,
      )}
    >
      <header className="flex items-center gap-2 border-b border-(--border) px-5 py-3">
        <div className="min-w-0 flex-1">
          <h2 id={titleId} ref={heading} tabIndex={-1} className="truncate text-base font-semibold tracking-tight outline-none">
            {title}
          </h2>
          <p className="text-xs text-(--muted) tabular-nums">{subtitle || " "}</p>
        </div>
        <div className="flex items-center gap-1">
          <Button
            size="sm"
            variant="ghost"
            onClick={onPrev ?? undefined}
            disabled={!onPrev}
            aria-label={labels.prev}
            title={keys ? `Previous (${keys.prev})` : "Previous"}
          >
            <ChevronUp aria-hidden />
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={onNext ?? undefined}
            disabled={!onNext}
            aria-label={labels.next}
            title={keys ? `Next (${keys.next})` : "Next"}
          >
            <ChevronDown aria-hidden />
          </Button>
          {actions}
          <Button size="sm" variant="ghost" onClick={onClose} aria-label={labels.close} title="Close (Esc)">
            <X aria-hidden />
          </Button>
        </div>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain" aria-busy={busy}>
        {children}
      </div>
    </aside>
  );
}

/** One titled part of a drawer's body. */
export function DrawerSection({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section aria-label={title} className="border-t border-(--border) px-5 py-4">
      <div className="mb-2.5 flex items-center justify-between gap-3">
        <h3 className="text-xs font-semibold tracking-wide text-(--muted) uppercase">{title}</h3>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The item itself failed to load: why, and a retry. */
export function DrawerLoadError({ title, children, onRetry }: { title: string; children: ReactNode; onRetry: () => void }) {
  return (
    <div role="alert" className="m-5 rounded-lg border border-status-fail/30 bg-status-fail/5 p-4 text-sm">
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-(--muted)">{children}</p>
      <Button size="sm" className="mt-3" onClick={onRetry}>
        <RotateCcw aria-hidden /> Try again
      </Button>
    </div>
  );
}
