"use client";

import { Search, X } from "lucide-react";
import { useRef, type ReactNode } from "react";
import { FilterMenu, type FilterOption } from "@/components/data-table/filter-menu";
import { CATEGORY_DESCRIPTION, SEVERITY_LABEL, SEVERITY_TONE, STATUS_LABEL } from "@/components/posture/labels";
import { StatusIcon } from "@/components/posture/status-badge";
import { CATEGORIES, SEVERITIES, STATUSES } from "@/lib/constants/finding";
import type { Category, Severity, Status } from "@/lib/schemas/finding";
import type { FindingsSearchState } from "../search-params";

export type FilterPatch = Partial<
  Pick<FindingsSearchState, "account" | "region" | "category" | "severity" | "status" | "check" | "q">
>;

type Props = {
  state: FindingsSearchState;
  accounts: { id: string; name: string }[];
  regions: string[];
  checkTitle: string | null;
  searchKey: number;
  onChange: (patch: FilterPatch) => void;
  onSearch: (text: string) => void;
  onClear: () => void;
};

const STATUS_OPTIONS: FilterOption<Status>[] = STATUSES.map((s) => ({
  value: s,
  label: (
    <span className="flex items-center gap-1.5">
      <StatusIcon status={s} className="size-3.5" />
      {STATUS_LABEL[s]}
    </span>
  ),
}));
const SEVERITY_OPTIONS: FilterOption<Severity>[] = SEVERITIES.map((s) => ({
  value: s,
  label: (
    <span className="flex items-center gap-2">
      <span aria-hidden className={`size-2 rounded-full ${SEVERITY_TONE[s].dot}`} />
      {SEVERITY_LABEL[s]}
    </span>
  ),
}));
const CATEGORY_OPTIONS: FilterOption<Category>[] = CATEGORIES.map((c) => ({
  value: c,
  label: <span title={CATEGORY_DESCRIPTION[c]}>{c}</span>,
}));

function Chip({ children, onRemove, label }: { children: ReactNode; onRemove: () => void; label: string }) {
  return (
    <span className="inline-flex h-7 items-center gap-1 rounded-md border border-(--border) bg-(--card) pr-0.5 pl-2 text-xs">
      {children}
      <button
        type="button"
        onClick={onRemove}
        className="grid size-6 place-items-center rounded text-(--muted) hover:bg-slate-900/[0.06] hover:text-(--foreground) dark:hover:bg-white/[0.08]"
      >
        <X aria-hidden className="size-3" />
        <span className="sr-only">Remove filter {label}</span>
      </button>
    </span>
  );
}

export function FindingsFilters({ state, accounts, regions, checkTitle, searchKey, onChange, onSearch, onClear }: Props) {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name ?? id;
  const chips: { key: string; label: string; text: ReactNode; remove: () => void }[] = [
    ...(state.check
      ? [
          {
            key: "check",
            label: `Check: ${checkTitle ?? state.check}`,
            text: (
              <>
                Check: <b className="font-medium">{checkTitle ?? state.check}</b>
              </>
            ),
            remove: () => onChange({ check: null }),
          },
        ]
      : []),
    ...state.status.map((v) => ({
      key: `status-${v}`,
      label: `Status: ${STATUS_LABEL[v]}`,
      text: (
        <>
          Status: <b className="font-medium">{STATUS_LABEL[v]}</b>
        </>
      ),
      remove: () => onChange({ status: state.status.filter((x) => x !== v) }),
    })),
    ...state.severity.map((v) => ({
      key: `sev-${v}`,
      label: `Severity: ${SEVERITY_LABEL[v]}`,
      text: (
        <>
          Severity: <b className="font-medium">{SEVERITY_LABEL[v]}</b>
        </>
      ),
      remove: () => onChange({ severity: state.severity.filter((x) => x !== v) }),
    })),
    ...state.category.map((v) => ({
      key: `cat-${v}`,
      label: `Category: ${v}`,
      text: (
        <>
          Category: <b className="font-medium">{v}</b>
        </>
      ),
      remove: () => onChange({ category: state.category.filter((x) => x !== v) }),
    })),
    ...state.account.map((v) => ({
      key: `acct-${v}`,
      label: `Account: ${accountName(v)}`,
      text: (
        <>
          Account: <b className="font-medium">{accountName(v)}</b>
        </>
      ),
      remove: () => onChange({ account: state.account.filter((x) => x !== v) }),
    })),
    ...state.region.map((v) => ({
      key: `region-${v}`,
      label: `Region: ${v}`,
      text: (
        <>
          Region: <b className="font-mono font-medium">{v}</b>
        </>
      ),
      remove: () => onChange({ region: state.region.filter((x) => x !== v) }),
    })),
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <div className="relative w-full sm:w-72">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-(--muted)" />
          <input
            key={searchKey}
            type="search"
            aria-label="Search findings by message, resource ARN or check id"
            placeholder="Search message, ARN, check…"
            defaultValue={state.q}
            maxLength={200}
            onChange={(e) => {
              const text = e.currentTarget.value;
              clearTimeout(timer.current);
              timer.current = setTimeout(() => onSearch(text), 300);
            }}
            className="h-8 w-full rounded-lg border border-(--border) bg-(--card) pr-2.5 pl-8 text-sm placeholder:text-(--muted) focus-visible:border-(--accent)"
          />
        </div>
        <FilterMenu label="Status" options={STATUS_OPTIONS} selected={state.status} onChange={(status) => onChange({ status })} />
        <FilterMenu
          label="Severity"
          options={SEVERITY_OPTIONS}
          selected={state.severity}
          onChange={(severity) => onChange({ severity })}
        />
        <FilterMenu
          label="Category"
          options={CATEGORY_OPTIONS}
          selected={state.category}
          onChange={(category) => onChange({ category })}
        />
        <FilterMenu
          label="Account"
          options={accounts.map((a) => ({ value: a.id, label: a.name, hint: a.id.slice(-4) }))}
          selected={state.account}
          onChange={(account) => onChange({ account })}
        />
        <FilterMenu
          label="Region"
          options={regions.map((r) => ({ value: r, label: <span className="font-mono text-xs">{r}</span> }))}
          selected={state.region}
          onChange={(region) => onChange({ region })}
        />
      </div>
      {(chips.length > 0 || state.q) && (
        <div className="flex flex-wrap items-center gap-1.5" aria-label="Active filters" role="group">
          {chips.map((c) => (
            <Chip key={c.key} label={c.label} onRemove={c.remove}>
              {c.text}
            </Chip>
          ))}
          <button
            type="button"
            onClick={onClear}
            className="ml-1 h-7 rounded-md px-2 text-xs font-medium text-(--accent) hover:underline"
          >
            Clear all
          </button>
        </div>
      )}
    </div>
  );
}
