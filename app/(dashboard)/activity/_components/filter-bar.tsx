"use client";

import { X } from "lucide-react";
import type { FormEvent } from "react";
import { visibleText } from "@/components/logs/escape";
import { Button } from "@/components/ui/button";
import type { ActivityEventSummary } from "@/lib/schemas/activity-api";
import { CLEARED_FILTERS, splitValues, type ActivityPatch, type ActivitySearchState } from "../search-params";

type Props = {
  state: ActivitySearchState;
  /** Loaded rows, for suggestions: LookupEvents has no facets, so these are what has been seen. */
  rows: ActivityEventSummary[];
  onChange: (patch: ActivityPatch) => void;
};

const INPUT =
  "h-8 min-w-0 rounded-md border border-(--border) bg-(--background) px-2 font-mono text-xs placeholder:font-sans placeholder:text-(--muted)";

const distinct = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))].sort().slice(0, 200);

type TextField = {
  name: "account" | "region" | "name" | "actor";
  label: string;
  placeholder: string;
  className: string;
  value: (state: ActivitySearchState) => string;
  /** What a loaded row says for this field: the suggestions. */
  seen: (row: ActivityEventSummary) => string | null;
};

const TEXT_FIELDS: TextField[] = [
  {
    name: "account",
    label: "Accounts",
    placeholder: "Account ids",
    className: "w-36",
    value: (s) => s.account.join(", "),
    seen: (r) => r.accountId,
  },
  {
    name: "region",
    label: "Regions",
    placeholder: "Regions",
    className: "w-32",
    value: (s) => s.region.join(", "),
    seen: (r) => r.region,
  },
  {
    name: "name",
    label: "Event names",
    placeholder: "Event names",
    className: "w-60",
    value: (s) => s.name.join(", "),
    seen: (r) => r.name,
  },
  {
    name: "actor",
    label: "Actor ARN",
    placeholder: "Actor ARN (arn:aws:iam::…)",
    className: "min-w-56 flex-1",
    value: (s) => s.actor ?? "",
    seen: (r) => r.actor.arn,
  },
];

/** A text box with the values seen so far as its suggestions. */
function SuggestInput({ field, defaultValue, suggestions }: { field: TextField; defaultValue: string; suggestions: string[] }) {
  const list = `activity-${field.name}s`;
  return (
    <>
      <input
        name={field.name}
        aria-label={field.label}
        placeholder={field.placeholder}
        defaultValue={defaultValue}
        list={list}
        className={`${INPUT} ${field.className}`}
      />
      <datalist id={list}>
        {suggestions.map((v) => (
          <option key={v} value={v} />
        ))}
      </datalist>
    </>
  );
}

export function FilterBar({ state, rows, onChange }: Props) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const text = (name: string) => String(data.get(name) ?? "");
    const actor = text("actor").trim();
    onChange({
      account: splitValues(text("account")),
      region: splitValues(text("region")),
      name: splitValues(text("name")),
      actor: actor || null,
      failed: data.get("failed") === "on" ? true : null,
      id: null,
      det: null,
    });
  };
  const chips: { key: string; label: string; patch: ActivityPatch }[] = [
    ...state.account.map((v) => ({
      key: `a:${v}`,
      label: `Account ${v}`,
      patch: { account: state.account.filter((x) => x !== v) },
    })),
    ...state.region.map((v) => ({ key: `r:${v}`, label: `Region ${v}`, patch: { region: state.region.filter((x) => x !== v) } })),
    ...state.name.map((v) => ({ key: `n:${v}`, label: `Event ${v}`, patch: { name: state.name.filter((x) => x !== v) } })),
    ...(state.actor ? [{ key: "actor", label: `Actor ${state.actor}`, patch: { actor: null } }] : []),
    ...(state.failed ? [{ key: "failed", label: "Failed calls only", patch: { failed: null } }] : []),
  ];
  // Remounting on URL change puts the applied values back in the boxes (after a chip is removed, say).
  const formKey = JSON.stringify([state.account, state.region, state.name, state.actor, state.failed]);
  return (
    <div className="space-y-2">
      <form key={formKey} onSubmit={submit} aria-label="Filter events" className="flex flex-wrap items-center gap-2">
        {TEXT_FIELDS.map((f) => (
          <SuggestInput key={f.name} field={f} defaultValue={f.value(state)} suggestions={distinct(rows.map(f.seen))} />
        ))}
        <label className="inline-flex items-center gap-1.5 text-xs">
          <input type="checkbox" name="failed" defaultChecked={state.failed === true} className="size-3.5" />
          Failed calls only
        </label>
        <Button type="submit" size="sm" variant="primary">
          Apply
        </Button>
      </form>
      {chips.length > 0 && (
        <div aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
          {chips.map((c) => (
            <span
              key={c.key}
              className="inline-flex max-w-full items-center gap-1 rounded-md border border-(--border) bg-(--card) py-0.5 pr-0.5 pl-2 text-xs"
            >
              <span className="truncate" title={visibleText(c.label)}>
                {visibleText(c.label)}
              </span>
              <button
                type="button"
                onClick={() => onChange({ ...c.patch, id: null, det: null })}
                aria-label={`Remove filter: ${visibleText(c.label)}`}
                className="grid size-5 place-items-center rounded text-(--muted) hover:bg-slate-900/[0.06] hover:text-(--foreground) dark:hover:bg-white/[0.08]"
              >
                <X aria-hidden className="size-3" />
              </button>
            </span>
          ))}
          <Button size="sm" variant="ghost" onClick={() => onChange({ ...CLEARED_FILTERS, id: null, det: null })}>
            Clear all
          </Button>
        </div>
      )}
    </div>
  );
}
