"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { downloadText, toCsv } from "./csv";
import { ViewToggle, type ChartView } from "./view-toggle";

export type ChartColumnDef<R> = {
  label: string;
  /** The raw value: what the CSV holds. */
  value: (row: R) => string | number | null;
  /** What the table shows; the raw value when absent. */
  display?: (row: R) => ReactNode;
  numeric?: boolean;
};

type Props<R> = {
  title: string;
  /** Where the numbers come from, shown under the title and in the table's caption. */
  source: string;
  /** One sentence a screen reader hears for the chart: what it shows and its headline numbers. */
  summary: string;
  description?: ReactNode;
  columns: readonly ChartColumnDef<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  /** The click-throughs of a row's bars or points, offered as links in the table so a keyboard reaches them. */
  rowLinks?: (row: R) => { href: string; text: string; label: string }[];
  filename: string;
  loading?: boolean;
  error?: string | null;
  /** Shown instead of the chart when set (e.g. no data in range). */
  empty?: string | null;
  actions?: ReactNode;
  notices?: readonly string[];
  /** The "chart" is itself made of links (e.g. a ranked list): shown as is, not as an image. */
  interactive?: boolean;
  className?: string;
  chartClassName?: string;
  children: ReactNode;
};

/**
 * A chart with what every chart here owes its reader: title, source, a table of the same numbers
 * (with the click-throughs as links), a CSV of exactly those numbers, and a text summary.
 */
export function ChartCard<R>(props: Props<R>) {
  const { title, source, summary, columns, rows, rowKey, rowLinks, loading, error, empty } = props;
  const [view, setView] = useState<ChartView>("chart");
  const id = useId();
  const download = () =>
    downloadText(
      props.filename,
      toCsv(
        columns.map((c) => c.label),
        rows.map((r) => columns.map((c) => c.value(r))),
      ),
    );

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={cn(
        "flex min-w-0 flex-col rounded-xl border border-(--border) bg-(--card) px-4 pt-3 pb-3 shadow-xs",
        props.className,
      )}
    >
      <div className="flex flex-wrap items-start gap-x-3 gap-y-1">
        <div className="min-w-0 flex-1">
          <h2 id={`${id}-title`} className="text-sm font-semibold tracking-tight">
            {title}
          </h2>
          <p className="text-[11px] text-(--muted)">{source}</p>
        </div>
        {props.actions}
        <ViewToggle label={`Show ${title} as`} view={view} onChange={setView} />
        <button
          type="button"
          onClick={download}
          disabled={rows.length === 0}
          aria-label={`Download ${title} as CSV`}
          className="flex h-7 items-center gap-1 rounded-md border border-(--border) px-1.5 text-[11px] font-medium text-(--muted) hover:text-(--foreground) disabled:opacity-50"
        >
          <Download aria-hidden className="size-3" />
          CSV
        </button>
      </div>
      {props.description && <p className="mt-1 text-xs text-(--muted)">{props.description}</p>}
      <div className={cn("mt-2 h-56", view === "table" && "h-auto max-h-80 overflow-auto", props.chartClassName)}>
        {error ? (
          <p role="alert" className="grid h-full min-h-16 place-items-center text-xs text-status-fail">
            {error}
          </p>
        ) : loading ? (
          <Skeleton className="h-full min-h-16" />
        ) : empty ? (
          <p className="grid h-full min-h-16 place-items-center text-center text-xs text-(--muted)">{empty}</p>
        ) : view === "chart" && props.interactive ? (
          props.children
        ) : view === "chart" ? (
          <div
            role="img"
            aria-label={summary}
            aria-describedby={`${id}-how`}
            tabIndex={0}
            className="h-full rounded-md focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-(--accent)"
          >
            <span id={`${id}-how`} className="sr-only">
              {rowLinks
                ? "Switch to the table view to open each row's invocations with the keyboard."
                : "The table view lists the same numbers."}
            </span>
            {props.children}
          </div>
        ) : (
          <table className="w-full text-xs">
            <caption className="sr-only">
              {title}. {source}.
            </caption>
            <thead className="sticky top-0 bg-(--card) text-(--muted)">
              <tr className="text-left">
                {columns.map((c) => (
                  <th key={c.label} scope="col" className={cn("py-1 pr-2 font-medium", c.numeric && "text-right")}>
                    {c.label}
                  </th>
                ))}
                {rowLinks && (
                  <th scope="col" className="py-1 text-right font-medium">
                    <span className="sr-only">Open in Invocations</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody className="tabular-nums">
              {rows.map((r) => {
                const links = rowLinks?.(r) ?? [];
                return (
                  <tr key={rowKey(r)} className="border-t border-(--border)">
                    {columns.map((c, i) => {
                      const content = c.display ? c.display(r) : (c.value(r) ?? "—");
                      const cls = cn("py-1 pr-2", c.numeric && "text-right");
                      return i === 0 ? (
                        <th key={c.label} scope="row" className={cn(cls, "max-w-72 truncate text-left font-normal")}>
                          {content}
                        </th>
                      ) : (
                        <td key={c.label} className={cls}>
                          {content}
                        </td>
                      );
                    })}
                    {rowLinks && (
                      <td className="space-x-2 py-1 text-right whitespace-nowrap">
                        {links.map((link) => (
                          <Link
                            key={link.href}
                            href={link.href}
                            aria-label={link.label}
                            className="font-medium text-(--accent) hover:underline"
                          >
                            {link.text}
                          </Link>
                        ))}
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
      {props.notices?.map((n) => (
        <p key={n} className="mt-1 text-xs text-amber-700 dark:text-amber-300">
          {n}
        </p>
      ))}
    </section>
  );
}
