"use client";

import type { RequirementStatus } from "@/lib/schemas/compliance";
import { formatShare, REQUIREMENT_STATUS_ORDER } from "@/components/compliance/labels";
import { StatusBar, StatusCounts } from "@/components/compliance/status-tally";
import { Card, CardHeader } from "@/components/ui/card";
import { Tabs } from "@/components/ui/tabs";
import type { FrameworkDetail } from "@/lib/schemas/compliance-api";

type Row = { key: string; name: string; hint?: string; totals: Record<RequirementStatus, number>; passShare: number | null };

function tally(
  detail: FrameworkDetail,
  keys: readonly string[],
  pick: (r: FrameworkDetail["requirements"][number]) => Record<string, RequirementStatus>,
): Row[] {
  return keys.map((key) => {
    const totals = Object.fromEntries(REQUIREMENT_STATUS_ORDER.map((s) => [s, 0])) as Record<RequirementStatus, number>;
    for (const r of detail.requirements) {
      const status = pick(r)[key];
      // evaluate keys every requirement by every account and region in scope; the fallback only guards a gap.
      totals[status ?? r.status] += 1;
    }
    const applicable = detail.requirements.length - totals.NOT_APPLICABLE;
    return { key, name: key, totals, passShare: applicable === 0 ? null : totals.PASS / applicable };
  });
}

function BreakdownTable({
  rows,
  label,
  onPick,
  picked,
}: {
  rows: Row[];
  label: string;
  onPick: (key: string) => void;
  picked: readonly string[];
}) {
  if (rows.length === 0) return <p className="px-5 py-6 text-sm text-(--muted)">No {label.toLowerCase()}s in this scope.</p>;
  return (
    <div className="max-h-[26rem] overflow-auto">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="sr-only">Requirement statuses per {label.toLowerCase()}</caption>
        <thead className="sticky top-0 bg-(--card) text-left text-xs text-(--muted)">
          <tr className="border-b border-(--border)">
            <th scope="col" className="h-9 px-5 font-medium">
              {label}
            </th>
            <th scope="col" className="w-20 px-3 text-right font-medium">
              Passing
            </th>
            <th scope="col" className="w-40 px-3 font-medium">
              <span className="sr-only">Share by status</span>
            </th>
            <th scope="col" className="px-3 pr-5 font-medium">
              Requirements by status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} className="border-b border-(--border) last:border-0">
              <th scope="row" className="px-5 py-2 text-left font-normal">
                <button
                  type="button"
                  onClick={() => onPick(r.key)}
                  aria-pressed={picked.includes(r.key)}
                  title={`Narrow the page to ${r.name}`}
                  className="text-left hover:text-(--accent) hover:underline"
                >
                  <span className="block whitespace-nowrap">{r.name}</span>
                  {r.hint && <span className="block font-mono text-[11px] text-(--muted)">{r.hint}</span>}
                </button>
              </th>
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{formatShare(r.passShare)}</td>
              <td className="px-3 py-2">
                <StatusBar totals={r.totals} />
              </td>
              <td className="px-3 py-2 pr-5">
                <StatusCounts totals={r.totals} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Props = {
  detail: FrameworkDetail;
  accountsInScope: readonly string[];
  regionsInScope: readonly string[];
  onAccount: (id: string) => void;
  onRegion: (region: string) => void;
};

/** Per-account and per-region summaries: one row each, readable at 10 accounts × 17 regions. */
export function BreakdownCard({ detail, accountsInScope, regionsInScope, onAccount, onRegion }: Props) {
  const names = new Map(detail.accounts.map((a) => [a.id, a.name]));
  const accountKeys = [...new Set(detail.requirements.flatMap((r) => Object.keys(r.byAccount)))].sort((a, b) =>
    (names.get(a) ?? a).localeCompare(names.get(b) ?? b),
  );
  const regionKeys = [...new Set(detail.requirements.flatMap((r) => Object.keys(r.byRegion)))].sort();
  const byAccount = tally(detail, accountKeys, (r) => r.byAccount).map((r) => ({
    ...r,
    name: names.get(r.key) ?? r.key,
    hint: r.key,
  }));
  const byRegion = tally(detail, regionKeys, (r) => r.byRegion);
  return (
    <Card aria-labelledby="breakdown-title">
      <CardHeader
        id="breakdown-title"
        title="By account and region"
        description="Each requirement evaluated on one account's or one region's findings alone (account-level findings count in every region). Pick a row to narrow the page to it."
      />
      <Tabs
        label="Breakdown"
        tabs={[
          {
            id: "account",
            label: `Accounts (${byAccount.length})`,
            panel: <BreakdownTable rows={byAccount} label="Account" onPick={onAccount} picked={accountsInScope} />,
          },
          {
            id: "region",
            label: `Regions (${byRegion.length})`,
            panel: <BreakdownTable rows={byRegion} label="Region" onPick={onRegion} picked={regionsInScope} />,
          },
        ]}
      />
    </Card>
  );
}
