"use client";

import { ArrowDown, ArrowUp, X } from "lucide-react";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/format-bytes";

export type QueuedFile = { id: number; file: File };

type Props = {
  files: readonly QueuedFile[];
  onMove: (index: number, by: -1 | 1) => void;
  onRemove: (index: number) => void;
  disabled: boolean;
};

/** The bundles to verify, in chain order (oldest first), each movable and removable by keyboard. */
export function BundleList({ files, onMove, onRemove, disabled }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // A button that moved its row to an end becomes disabled, and a removed row takes its button with it:
  // focus goes to the nearest button that still does something instead of falling back to the page.
  const refocus = (selectors: string[]) =>
    requestAnimationFrame(() => {
      const buttons = selectors.map((s) => list.current?.querySelector<HTMLButtonElement>(s));
      buttons.find((b) => b && !b.disabled)?.focus();
    });
  const move = (index: number, by: -1 | 1, id: number) => {
    onMove(index, by);
    refocus([`[data-move="${id}:${by}"]`, `[data-move="${id}:${-by}"]`, `[data-remove="${id}"]`]);
  };
  const remove = (index: number) => {
    const next = files[index + 1] ?? files[index - 1];
    onRemove(index);
    if (next) refocus([`[data-remove="${next.id}"]`]);
  };
  return (
    <ol
      ref={list}
      aria-label="Bundles to verify, oldest first"
      className="divide-y divide-(--border) rounded-xl border border-(--border)"
    >
      {files.map(({ id, file }, i) => (
        <li key={id} className="flex items-center gap-3 py-2 pr-2 pl-3">
          <span className="grid size-6 shrink-0 place-items-center rounded-full bg-slate-900/[0.06] text-xs font-semibold tabular-nums dark:bg-white/[0.08]">
            {i + 1}
          </span>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium" title={file.name}>
              {file.name || "(unnamed file)"}
            </p>
            <p className="text-xs text-(--muted) tabular-nums">{formatBytes(file.size)}</p>
          </div>
          <div className="flex shrink-0 items-center">
            <Button
              size="sm"
              variant="ghost"
              disabled={disabled || i === 0}
              data-move={`${id}:-1`}
              onClick={() => move(i, -1, id)}
              aria-label={`Move ${file.name} earlier in the chain`}
              title="Move up"
            >
              <ArrowUp aria-hidden />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={disabled || i === files.length - 1}
              data-move={`${id}:1`}
              onClick={() => move(i, 1, id)}
              aria-label={`Move ${file.name} later in the chain`}
              title="Move down"
            >
              <ArrowDown aria-hidden />
            </Button>
            <Button
              size="sm"
              variant="ghost"
              disabled={disabled}
              data-remove={id}
              onClick={() => remove(i)}
              aria-label={`Remove ${file.name}`}
              title="Remove"
            >
              <X aria-hidden />
            </Button>
          </div>
        </li>
      ))}
    </ol>
  );
}
