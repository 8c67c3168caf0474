"use client";

import { flexRender } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { Loader2 } from "lucide-react";
import { useEffect, useRef } from "react";
import { createStaticTable } from "@/components/data-table/create-static-table";
import { cn } from "@/components/ui/cn";
import type { LogSummary } from "@/lib/schemas/logs";
import { COLUMN_IDS, type ColumnId } from "../search-params";
import { COLUMN_MIN_REM, COLUMN_WIDTH, formatRowTime, LOG_COLUMNS } from "./columns";

const ROW_HEIGHT = 40;

type Props = {
  rows: LogSummary[];
  total: number | undefined;
  columns: readonly ColumnId[];
  selectedId: string | null;
  hasMore: boolean;
  loadingMore: boolean;
  busy: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
};

/**
 * Virtualised rows (only what is on screen is in the DOM) over cursor pages: when the last rows
 * come into view the next page is asked for. Spacer rows keep the real <table> semantics.
 */
export function ResultsTable({ rows, total, columns, selectedId, hasMore, loadingMore, busy, onLoadMore, onOpen }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const visible = new Set<string>(columns);
  const columnVisibility = Object.fromEntries(COLUMN_IDS.map((id) => [id, visible.has(id)]));
  const table = createStaticTable({ data: rows, columns: LOG_COLUMNS, getRowId: (r) => r.id, state: { columnVisibility } });
  const tableRows = table.getRowModel().rows;

  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: tableRows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= tableRows.length - 10) onLoadMore();
  }, [hasMore, loadingMore, lastIndex, tableRows.length, onLoadMore]);

  // Keeps the row open in the drawer on screen as j/k move through the results.
  const selectedIndex = selectedId ? tableRows.findIndex((r) => r.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const span = columns.length;
  const minWidth = `${columns.reduce((sum, c) => sum + COLUMN_MIN_REM[c], 1.5)}rem`;

  return (
    <div ref={scroller} className="h-[calc(100vh-23rem)] min-h-[24rem] overflow-auto overscroll-contain" tabIndex={-1}>
      <table
        aria-busy={busy}
        aria-rowcount={(total ?? rows.length) + 1}
        style={{ minWidth }}
        className={cn("w-full table-fixed text-sm transition-opacity", busy && "opacity-60")}
      >
        <caption className="sr-only">Invocations, newest first. Press a row&apos;s time to open its detail.</caption>
        <thead className="sticky top-0 z-10 bg-(--card)/95 backdrop-blur">
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              aria-rowindex={1}
              className="text-left text-xs text-(--muted) shadow-[inset_0_-1px_0_var(--border)]"
            >
              {group.headers.map((h) => (
                <th
                  key={h.id}
                  scope="col"
                  className={cn(
                    "h-9 px-3 font-medium whitespace-nowrap first:pl-4 last:pr-4",
                    COLUMN_WIDTH[h.column.id as ColumnId],
                  )}
                >
                  {h.column.id === "tokens" ? (
                    <span title="Input → output tokens">{flexRender(h.column.columnDef.header, h.getContext())}</span>
                  ) : (
                    flexRender(h.column.columnDef.header, h.getContext())
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && (
            <tr aria-hidden>
              <td colSpan={span} style={{ height: padTop }} />
            </tr>
          )}
          {items.map((item) => {
            const row = tableRows[item.index];
            if (!row)
              return (
                <tr key="more" aria-hidden style={{ height: ROW_HEIGHT }}>
                  <td colSpan={span} className="px-4 text-xs text-(--muted)">
                    <span className="inline-flex items-center gap-2">
                      <Loader2 aria-hidden className="size-3.5 animate-spin" /> Loading more…
                    </span>
                  </td>
                </tr>
              );
            const selected = row.id === selectedId;
            return (
              <tr
                key={row.id}
                aria-rowindex={item.index + 2}
                data-row-id={row.id}
                data-selected={selected || undefined}
                onClick={(e) => {
                  // A click on selectable text should still allow selecting it.
                  if (window.getSelection()?.toString()) return;
                  if ((e.target as HTMLElement).closest("button") === null) onOpen(row.id);
                }}
                style={{ height: ROW_HEIGHT }}
                className={cn(
                  "relative cursor-pointer border-b border-(--border) transition-colors",
                  selected
                    ? "bg-(--accent)/10 shadow-[inset_2px_0_0_var(--accent)]"
                    : "hover:bg-slate-900/[0.025] dark:hover:bg-white/[0.03]",
                  row.original.guardrailAction === "INTERVENED" && !selected && "bg-status-fail/[0.035]",
                )}
              >
                {row.getVisibleCells().map((cell) => (
                  <td
                    key={cell.id}
                    className={cn("overflow-hidden px-3 first:pl-4 last:pr-4", COLUMN_WIDTH[cell.column.id as ColumnId])}
                  >
                    {cell.column.id === "time" ? (
                      <button
                        type="button"
                        aria-current={selected || undefined}
                        onClick={() => onOpen(row.id)}
                        className="rounded text-xs whitespace-nowrap text-(--foreground)/90 tabular-nums outline-offset-1 hover:text-(--accent) hover:underline"
                      >
                        {formatRowTime(row.original.timestamp)}
                      </button>
                    ) : (
                      flexRender(cell.column.columnDef.cell, cell.getContext())
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          {padBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={span} style={{ height: padBottom }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
