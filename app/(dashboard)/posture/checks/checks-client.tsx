"use client";

import { FilterX, Search } from "lucide-react";
import Link from "next/link";
import { useQueryStates } from "nuqs";
import { useMemo } from "react";
import { ariaSort, SortHeader } from "@/components/data-table/sort-header";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/posture/format";
import { STATUS_TONE } from "@/components/posture/labels";
import { SeverityBadge } from "@/components/posture/status-badge";
import { CATEGORIES } from "@/lib/constants/finding";
import type { Status } from "@/lib/schemas/finding";
import type { CheckSummary } from "@/lib/schemas/posture";
import { checksSearchParams, type CheckSort } from "./search-params";
import { filterChecks, sortChecks } from "./sort-checks";

const COUNT_COLUMNS: { status: Exclude<Status, "MANUAL">; label: string }[] = [
  { status: "PASS", label: "Pass" },
  { status: "FAIL", label: "Fail" },
  { status: "ERROR", label: "Error" },
  { status: "NOT_APPLICABLE", label: "N/A" },
];

function Count({ status, value }: { status: Status; value: number }) {
  return (
    <span
      className={cn(
        "tabular-nums",
        value === 0 ? "text-(--muted)/60" : status === "PASS" ? "" : "font-semibold",
        value > 0 && STATUS_TONE[status].text,
      )}
    >
      {value === 0 ? "0" : formatCount(value)}
    </span>
  );
}

export function ChecksClient({ checks }: { checks: CheckSummary[] }) {
  const [state, setState] = useQueryStates(checksSearchParams, { history: "replace", scroll: false });
  const rows = useMemo(() => sortChecks(filterChecks(checks, state.category, state.q), state.sort, state.dir), [checks, state]);
  const perCategory = useMemo(() => new Map(CATEGORIES.map((c) => [c, checks.filter((x) => x.category === c).length])), [checks]);

  const header = (sort: CheckSort, label: string, align: "left" | "right" = "left") => {
    const direction = state.sort === sort ? state.dir : false;
    return {
      "aria-sort": ariaSort(direction),
      children: (
        <SortHeader
          label={label}
          align={align}
          direction={direction}
          onToggle={() => void setState({ sort, dir: state.sort === sort && state.dir === "desc" ? "asc" : "desc" })}
        />
      ),
    } as const;
  };
  const toggleCategory = (c: (typeof CATEGORIES)[number]) =>
    void setState({ category: state.category.includes(c) ? state.category.filter((x) => x !== c) : [...state.category, c] });

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-center lg:justify-between">
        <div role="group" aria-label="Filter by category" className="flex flex-wrap gap-1.5">
          <button
            type="button"
            aria-pressed={state.category.length === 0}
            onClick={() => void setState({ category: null })}
            className={cn(
              "h-8 rounded-full border px-3 text-xs font-medium transition-colors",
              state.category.length === 0
                ? "border-(--accent)/40 bg-(--accent)/10"
                : "border-(--border) bg-(--card) text-(--muted) hover:text-(--foreground)",
            )}
          >
            All <span className="text-(--muted)">{checks.length}</span>
          </button>
          {CATEGORIES.map((c) => {
            const on = state.category.includes(c);
            return (
              <button
                key={c}
                type="button"
                aria-pressed={on}
                onClick={() => toggleCategory(c)}
                className={cn(
                  "h-8 rounded-full border px-3 text-xs font-medium transition-colors",
                  on
                    ? "border-(--accent)/40 bg-(--accent)/10"
                    : "border-(--border) bg-(--card) text-(--muted) hover:text-(--foreground)",
                )}
              >
                {c} <span className="text-(--muted)">{perCategory.get(c) ?? 0}</span>
              </button>
            );
          })}
        </div>
        <div className="relative w-full lg:w-64">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-(--muted)" />
          <input
            type="search"
            aria-label="Filter checks by title or id"
            placeholder="Filter checks…"
            value={state.q}
            onChange={(e) => void setState({ q: e.currentTarget.value || null })}
            className="h-8 w-full rounded-lg border border-(--border) bg-(--card) pr-2.5 pl-8 text-sm placeholder:text-(--muted) focus-visible:border-(--accent)"
          />
        </div>
      </div>
      <p aria-live="polite" className="sr-only">
        {rows.length} checks shown
      </p>
      <div className="overflow-hidden rounded-xl border border-(--border) bg-(--card) shadow-xs">
        {rows.length === 0 ? (
          <EmptyState
            icon={FilterX}
            title="No checks match"
            action={<Button onClick={() => void setState({ category: null, q: null })}>Clear filters</Button>}
          />
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[60rem] text-sm">
              <caption className="sr-only">
                Check catalog with the result counts of the latest scan. Column headers with buttons sort the table.
              </caption>
              <thead>
                <tr className="border-b border-(--border) bg-slate-50/60 text-left text-xs text-(--muted) dark:bg-white/[0.02]">
                  <th scope="col" className="h-9 px-3 pl-5 font-medium" {...header("title", "Check")} />
                  <th scope="col" className="w-32 px-3 font-medium" {...header("category", "Category")} />
                  <th scope="col" className="w-32 px-3 font-medium" {...header("severity", "Severity")} />
                  <th scope="col" className="w-24 px-3 font-medium" {...header("scope", "Scope")} />
                  {COUNT_COLUMNS.map((c) => (
                    <th
                      key={c.status}
                      scope="col"
                      className="w-20 px-3 text-right font-medium last:pr-5"
                      {...header(c.status, c.label, "right")}
                    />
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr
                    key={c.id}
                    className="relative border-b border-(--border) transition-colors last:border-0 hover:bg-slate-900/[0.025] has-[a:focus-visible]:outline-2 has-[a:focus-visible]:-outline-offset-2 has-[a:focus-visible]:outline-(--accent) dark:hover:bg-white/[0.03]"
                  >
                    <td className="px-3 py-2.5 pl-5">
                      <Link
                        href={`/posture/checks/${c.id}`}
                        className="font-medium outline-none after:absolute after:inset-0 after:content-[''] hover:underline focus-visible:outline-none"
                      >
                        {c.title}
                      </Link>
                      <span className="block font-mono text-[11px] text-(--muted)">{c.id}</span>
                    </td>
                    <td className="px-3 py-2.5">{c.category}</td>
                    <td className="px-3 py-2.5">
                      <SeverityBadge severity={c.severity} />
                    </td>
                    <td className="px-3 py-2.5 text-(--muted)">{c.scope === "account" ? "Account" : "Region"}</td>
                    {COUNT_COLUMNS.map((col) => (
                      <td key={col.status} className="px-3 py-2.5 text-right last:pr-5">
                        <Count status={col.status} value={c.counts[col.status]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
