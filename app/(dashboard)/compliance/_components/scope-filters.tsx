"use client";

import { X } from "lucide-react";
import { useQueryStates } from "nuqs";
import { useId, useTransition, type ReactNode } from "react";
import { FilterMenu } from "@/components/data-table/filter-menu";
import { formatDateTime } from "@/components/posture/format";
import { Button } from "@/components/ui/button";
import type { ScanChoice } from "@/lib/schemas/compliance-api";
import { scopeSearchParams } from "../search-params";

type Props = {
  scans: ScanChoice[];
  /** The scan shown (the latest completed one when the URL names none). */
  scanId: string | null;
  accounts: { id: string; name: string }[];
  regions: string[];
  /** false on /compliance, whose server component renders the answer; true where the client fetches it. */
  shallow: boolean;
  /** Shown at the end of the row (the evidence export). */
  children?: ReactNode;
};

/** Scan picker and account/region filters, kept in the URL. */
export function ScopeFilters({ scans, scanId, accounts, regions, shallow, children }: Props) {
  const [pending, startTransition] = useTransition();
  const [state, setState] = useQueryStates(scopeSearchParams, { history: "replace", scroll: false, shallow, startTransition });
  const id = useId();
  const latest = scans[0]?.id;
  const filtered = state.accounts.length > 0 || state.regions.length > 0;

  return (
    <div className="mb-6 flex flex-wrap items-center gap-2" aria-busy={pending}>
      <label htmlFor={`${id}-scan`} className="text-xs font-medium text-(--muted)">
        Scan
      </label>
      <select
        id={`${id}-scan`}
        value={scanId ?? ""}
        disabled={scans.length === 0}
        onChange={(e) => void setState({ scan: e.target.value === latest ? null : e.target.value })}
        className="h-8 rounded-lg border border-(--border) bg-(--card) px-2 text-xs font-medium"
      >
        {scans.length === 0 && <option value="">No completed scan</option>}
        {scans.map((s) => (
          <option key={s.id} value={s.id}>
            {formatDateTime(s.finishedAt)}
            {s.id === latest ? " (latest)" : ""}
          </option>
        ))}
      </select>
      <FilterMenu
        label="Account"
        options={accounts.map((a) => ({ value: a.id, label: a.name, hint: a.id.slice(-4) }))}
        selected={state.accounts}
        onChange={(next) => void setState({ accounts: next })}
      />
      <FilterMenu
        label="Region"
        options={regions.map((r) => ({ value: r, label: <span className="font-mono text-xs">{r}</span> }))}
        selected={state.regions}
        onChange={(next) => void setState({ regions: next })}
      />
      {filtered && (
        <Button size="sm" variant="ghost" onClick={() => void setState({ accounts: null, regions: null })}>
          <X aria-hidden /> Clear filters
        </Button>
      )}
      {pending && (
        <span role="status" className="text-xs text-(--muted)">
          Updating…
        </span>
      )}
      {children && <div className="ml-auto">{children}</div>}
    </div>
  );
}
