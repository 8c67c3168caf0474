"use client";

import { createColumnHelper, flexRender } from "@tanstack/react-table";
import { Paperclip } from "lucide-react";
import { RequirementStatusBadge, RequirementStatusIcon } from "@/components/compliance/status-badge";
import { REQUIREMENT_STATUS_LABEL, REQUIREMENT_STATUS_ORDER } from "@/components/compliance/labels";
import { createStaticTable } from "@/components/data-table/create-static-table";
import { formatCount } from "@/components/posture/format";
import { cn } from "@/components/ui/cn";
import type { RequirementResultDto } from "@/lib/schemas/compliance-api";

const column = createColumnHelper<RequirementResultDto>();

const WIDTH: Record<string, string> = {
  status: "w-[8rem]",
  checks: "w-[11rem]",
  findings: "w-[6rem]",
  accounts: "w-[9rem]",
};

function columns(onOpen: (id: string) => void) {
  return [
    column.accessor("title", {
      id: "requirement",
      header: "Requirement",
      cell: (c) => {
        const r = c.row.original;
        return (
          <>
            {/* The button stretches over the row: a click anywhere or Enter on it opens the drill-down. */}
            <button
              type="button"
              onClick={() => onOpen(r.id)}
              className="text-left outline-none after:absolute after:inset-0 after:content-[''] focus-visible:outline-none"
            >
              <span className="mr-2 font-mono text-xs font-semibold">{r.id}</span>
              <span className="font-medium hover:underline">{c.getValue()}</span>
            </button>
            {r.attestation && (
              <span className="mt-0.5 flex items-center gap-1 text-xs text-(--muted)">
                Attested by {r.attestation.by}
                {r.attestation.attachmentName && <Paperclip aria-label="with an attachment" className="size-3" />}
              </span>
            )}
          </>
        );
      },
    }),
    column.accessor("status", {
      id: "status",
      header: "Status",
      cell: (c) => <RequirementStatusBadge status={c.getValue()} />,
    }),
    column.accessor("checks", {
      id: "checks",
      header: "Checks",
      cell: (c) => {
        const checks = c.getValue();
        if (checks.length === 0) return <span className="text-xs text-(--muted)">None: attestation only</span>;
        const passing = checks.filter((x) => x.status === "PASS").length;
        const counts = REQUIREMENT_STATUS_ORDER.map((st) => [st, checks.filter((x) => x.status === st).length] as const).filter(
          ([, n]) => n > 0,
        );
        return (
          <span className="block text-xs">
            <span className="tabular-nums">
              {passing} of {checks.length} pass
            </span>
            <span className="mt-0.5 flex flex-wrap gap-x-2">
              {counts.map(([st, n]) => (
                <span
                  key={st}
                  className="inline-flex items-center gap-0.5 tabular-nums"
                  title={`${n} ${REQUIREMENT_STATUS_LABEL[st]}`}
                >
                  <RequirementStatusIcon status={st} className="size-3.5" />
                  {n}
                  <span className="sr-only"> {REQUIREMENT_STATUS_LABEL[st]}</span>
                </span>
              ))}
            </span>
          </span>
        );
      },
    }),
    column.accessor((r) => r.checks.reduce((n, x) => n + x.findings, 0), {
      id: "findings",
      header: "Findings",
      cell: (c) => <span className="tabular-nums">{formatCount(c.getValue())}</span>,
    }),
    // A requirement without checks has no per-account result of its own: "—", not "0 of n".
    column.accessor((r) => (r.checks.length === 0 ? [] : Object.values(r.byAccount)), {
      id: "accounts",
      header: "Accounts failing",
      cell: (c) => {
        const all = c.getValue();
        const failing = all.filter((s) => s === "FAIL").length;
        return all.length === 0 ? (
          <span className="text-xs text-(--muted)">—</span>
        ) : (
          <span className={cn("text-xs tabular-nums", failing > 0 && "font-semibold text-status-fail")}>
            {failing} of {all.length}
          </span>
        );
      },
    }),
  ];
}

type Props = { rows: RequirementResultDto[]; selected: string | null; busy: boolean; onOpen: (id: string) => void };

/** The framework's requirements (filtered by the caller), in catalog order. */
export function RequirementsTable({ rows, selected, busy, onOpen }: Props) {
  const table = createStaticTable({ data: rows, columns: columns(onOpen), getRowId: (r) => r.id, state: {} });
  return (
    <div className="overflow-x-auto">
      <table aria-busy={busy} className={cn("w-full min-w-[52rem] table-fixed text-sm transition-opacity", busy && "opacity-60")}>
        <caption className="sr-only">Requirements. Open one to see its checks, findings and evidence.</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr
              key={group.id}
              className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]"
            >
              {group.headers.map((header) => (
                <th
                  key={header.id}
                  scope="col"
                  className={cn("h-9 px-3 font-medium first:pl-5 last:pr-5", WIDTH[header.column.id])}
                >
                  {flexRender(header.column.columnDef.header, header.getContext())}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              aria-current={row.id === selected ? "true" : undefined}
              className={cn(
                "relative border-b border-(--border) align-top transition-colors last:border-0 hover:bg-slate-900/[0.025] has-[button:focus-visible]:bg-(--accent)/5 has-[button:focus-visible]:outline-2 has-[button:focus-visible]:-outline-offset-2 has-[button:focus-visible]:outline-(--accent) dark:hover:bg-white/[0.03]",
                row.id === selected && "bg-(--accent)/[0.06] dark:bg-(--accent)/10",
              )}
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
