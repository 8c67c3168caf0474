"use client";

import { createColumnHelper, flexRender, type SortingState } from "@tanstack/react-table";
import Link from "next/link";
import { createStaticTable } from "@/components/data-table/create-static-table";
import { ariaSort, SortHeader } from "@/components/data-table/sort-header";
import { cn } from "@/components/ui/cn";
import { ResourceName } from "@/components/posture/resource-name";
import { SeverityBadge, StatusBadge } from "@/components/posture/status-badge";
import type { FINDING_SORTS } from "@/lib/constants/finding";
import type { FindingRow } from "@/lib/schemas/posture";

type SortKey = (typeof FINDING_SORTS)[number];

const column = createColumnHelper<FindingRow>();

// Fixed layout: every column but "Finding" has a set width, so the finding text gets the rest.
const WIDTH: Record<string, string> = {
  status: "w-[5.75rem]",
  severity: "w-[7rem]",
  account: "w-[10rem]",
  region: "w-[7rem]",
  resource: "w-[13rem]",
};

const COLUMNS = [
  column.accessor("status", {
    id: "status",
    header: "Status",
    cell: (c) => <StatusBadge status={c.getValue()} />,
  }),
  column.accessor("severity", {
    id: "severity",
    header: "Severity",
    cell: (c) => <SeverityBadge severity={c.getValue()} />,
  }),
  column.accessor("checkTitle", {
    id: "check",
    header: "Finding",
    cell: (c) => (
      <>
        {/* The link stretches over the whole row: a click anywhere or Enter on it opens the check. */}
        <Link
          href={`/posture/checks/${c.row.original.checkId}`}
          prefetch={false}
          className="font-medium outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none"
        >
          {c.getValue()}
        </Link>
        <span className="mt-0.5 line-clamp-2 text-xs text-(--muted)">{c.row.original.message}</span>
      </>
    ),
  }),
  column.accessor("accountName", {
    id: "account",
    header: "Account",
    cell: (c) => (
      <>
        <span className="block whitespace-nowrap">{c.getValue()}</span>
        <span className="block font-mono text-[11px] text-(--muted)">{c.row.original.accountId}</span>
      </>
    ),
  }),
  column.accessor("region", {
    id: "region",
    header: "Region",
    cell: (c) => <span className="font-mono text-xs whitespace-nowrap">{c.getValue()}</span>,
  }),
  column.accessor("resourceArn", {
    id: "resource",
    header: "Resource",
    cell: (c) => (
      // Above the row link, so the full ARN shows on hover and can be selected and copied.
      <ResourceName arn={c.getValue()} className="relative z-10 cursor-text select-text" />
    ),
  }),
];

type Props = {
  rows: FindingRow[];
  sort: SortKey;
  dir: "asc" | "desc";
  busy: boolean;
  onSort: (sort: SortKey, dir: "asc" | "desc") => void;
};

const SORTABLE = new Set<string>(["status", "severity", "check", "account", "region", "resource"] satisfies SortKey[]);

function isSortKey(id: string): id is SortKey {
  return SORTABLE.has(id);
}

/** Sorting and paging happen on the server; the table only renders one page and reports header presses. */
export function FindingsTable({ rows, sort, dir, busy, onSort }: Props) {
  const sorting: SortingState = [{ id: sort, desc: dir === "desc" }];
  const table = createStaticTable({ data: rows, columns: COLUMNS, getRowId: (r) => r.id, state: { sorting } });

  return (
    <div className="overflow-x-auto">
      <table aria-busy={busy} className={cn("w-full min-w-[62rem] table-fixed text-sm transition-opacity", busy && "opacity-60")}>
        <caption className="sr-only">Findings. Column headers with buttons sort the table.</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]"
            >
              {group.headers.map((header) => {
                const id = header.column.id;
                const direction = id === sort ? dir : false;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={isSortKey(id) ? ariaSort(direction) : undefined}
                    className={cn("h-9 px-3 font-medium first:pl-5 last:pr-5", WIDTH[id])}
                  >
                    {isSortKey(id) ? (
                      <SortHeader
                        label={String(header.column.columnDef.header)}
                        direction={direction}
                        onToggle={() => onSort(id, id === sort && dir === "desc" ? "asc" : "desc")}
                      />
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className="relative border-b border-(--border) align-top transition-colors last:border-0 hover:bg-slate-900/[0.025] has-[a:focus-visible]:bg-(--accent)/5 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:-outline-offset-2 has-[a:focus-visible]:outline-(--accent) dark:hover:bg-white/[0.03]"
            >
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id} className="px-3 py-2.5 first:pl-5 last:pr-5">
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
