"use client";

import { flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { Loader2 } from "lucide-react";
import { formatCount } from "@/components/posture/format";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ActivityEventSummary } from "@/lib/schemas/activity-api";
import { COLUMNS, COLUMN_WIDTH } from "./columns";

type Props = {
  rows: ActivityEventSummary[];
  selectedId: string | null;
  highlighted: ReadonlySet<string>;
  hasMore: boolean;
  loadingMore: boolean;
  busy: boolean;
  onLoadMore: () => void;
  onOpen: (id: string) => void;
};

/** CloudTrail events, newest first, a page at a time: each page is a round of LookupEvents calls, so more loads on demand. */
export function EventsTable({ rows, selectedId, highlighted, hasMore, loadingMore, busy, onLoadMore, onOpen }: Props) {
  // TanStack Table is not compiler-safe; the rows and highlight set are new on every change anyway.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({ data: rows, columns: COLUMNS, getCoreRowModel: getCoreRowModel(), getRowId: (r) => r.id });
  return (
    <div>
      <div className="overflow-x-auto">
        <table className={cn("w-full min-w-[70rem] table-fixed text-sm transition-opacity", busy && "opacity-60")}>
          <caption className="sr-only">CloudTrail events, newest first. Press a row&apos;s time to open its detail.</caption>
          <thead className="bg-(--card)">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="text-left text-xs text-(--muted) shadow-[inset_0_-1px_0_var(--border)]">
                {group.headers.map((h) => (
                  <th
                    key={h.id}
                    scope="col"
                    className={cn("h-9 px-3 font-medium whitespace-nowrap first:pl-4 last:pr-4", COLUMN_WIDTH[h.column.id])}
                  >
                    {flexRender(h.column.columnDef.header, h.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => {
              const selected = row.id === selectedId;
              const marked = highlighted.has(row.id);
              return (
                <tr
                  key={row.id}
                  data-row-id={row.id}
                  data-highlighted={marked || undefined}
                  aria-selected={selected}
                  className={cn(
                    "h-12 border-b border-(--border) last:border-0 hover:bg-slate-900/[0.025] dark:hover:bg-white/[0.03]",
                    marked && "bg-amber-500/[0.08] shadow-[inset_3px_0_0_var(--color-amber-500)]",
                    selected && "bg-(--accent)/[0.08]",
                  )}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id} className={cn("overflow-hidden px-3 first:pl-4 last:pr-4", COLUMN_WIDTH[cell.column.id])}>
                      {cell.column.id === "time" ? (
                        <button
                          type="button"
                          onClick={() => onOpen(row.id)}
                          className="rounded text-xs whitespace-nowrap tabular-nums outline-offset-1 hover:text-(--accent) hover:underline"
                        >
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </button>
                      ) : (
                        flexRender(cell.column.columnDef.cell, cell.getContext())
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="flex items-center gap-3 border-t border-(--border) px-4 py-2 text-xs text-(--muted)">
        <span>
          {formatCount(rows.length)} events loaded{hasMore ? "" : " · that is all in this range"}
        </span>
        {hasMore && (
          <Button size="sm" onClick={onLoadMore} disabled={loadingMore}>
            {loadingMore ? <Loader2 aria-hidden className="animate-spin" /> : null}
            {loadingMore ? "Loading…" : "Load more"}
          </Button>
        )}
      </div>
    </div>
  );
}
