"use client";

import { ChevronRight } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { visibleText } from "@/components/logs/escape";
import { POLICY_LABEL, middleTruncate, principalLabel, shortModel } from "@/components/logs/format";
import { formatCount } from "@/components/posture/format";
import { FACET_ORDER, GUARDRAIL_ID, GUARDRAIL_SIDES, POLICY_TYPES } from "@/components/logs/constants";
import type { FacetKey, Facets } from "@/lib/schemas/logs";
import type { LogsPatch, LogsSearchState } from "../search-params";

const TITLE: Record<FacetKey, string> = {
  models: "Model",
  principals: "Principal",
  operations: "Operation",
  errorCodes: "Error code",
  guardrailActions: "Guardrail action",
  guardrails: "Guardrail",
  guardrailPolicyTypes: "Policy type",
  guardrailSides: "Guardrail side",
  regions: "Region",
};

const flip = <T extends string>(list: readonly T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);

/** A facet value → the URL filter it toggles; null when the value cannot be filtered on. */
function facetToggle(state: LogsSearchState, facet: FacetKey, value: string | null): LogsPatch | null {
  if (value === null) {
    // "No error" is the one absent value with a filter of its own.
    return facet === "errorCodes" ? { hasError: state.hasError === false ? null : false } : null;
  }
  switch (facet) {
    case "models":
      return { model: flip(state.model, value) };
    case "principals":
      return { principal: flip(state.principal, value) };
    case "operations":
      return { op: flip(state.op, value) };
    case "errorCodes":
      return { error: flip(state.error, value) };
    case "regions":
      return { region: flip(state.region, value) };
    case "guardrailActions":
      return value === "INTERVENED" || value === "NONE" ? { guardrail: flip(state.guardrail, value) } : null;
    case "guardrails":
      return GUARDRAIL_ID.test(value) ? { gid: flip(state.gid, value) } : null;
    case "guardrailPolicyTypes": {
      const type = POLICY_TYPES.find((p) => p === value);
      return type ? { policy: flip(state.policy, type) } : null;
    }
    case "guardrailSides": {
      const side = GUARDRAIL_SIDES.find((s) => s === value);
      return side ? { side: flip(state.side, side) } : null;
    }
  }
}

function isSelected(state: LogsSearchState, facet: FacetKey, value: string | null): boolean {
  if (value === null) return facet === "errorCodes" && state.hasError === false;
  const lists: Record<FacetKey, readonly string[]> = {
    models: state.model,
    principals: state.principal,
    operations: state.op,
    errorCodes: state.error,
    guardrailActions: state.guardrail,
    guardrails: state.gid,
    guardrailPolicyTypes: state.policy,
    guardrailSides: state.side,
    regions: state.region,
  };
  return lists[facet].includes(value);
}

function valueLabel(facet: FacetKey, value: string | null): { text: string; title: string; mono: boolean } {
  if (value === null) {
    const text =
      facet === "errorCodes" ? "No error" : facet === "guardrailActions" || facet === "guardrails" ? "No guardrail" : "(not set)";
    return { text, title: text, mono: false };
  }
  const title = visibleText(value);
  if (facet === "principals") {
    const p = principalLabel({ arn: value, role: null, session: null, type: "unknown" });
    return { text: visibleText(middleTruncate(p.detail ? `${p.name} / ${p.detail}` : p.name, 28)), title, mono: false };
  }
  if (facet === "models") return { text: visibleText(shortModel(value)), title, mono: true };
  if (facet === "guardrailActions") return { text: value === "INTERVENED" ? "Intervened" : "Passed", title, mono: false };
  if (facet === "guardrailPolicyTypes") {
    const type = POLICY_TYPES.find((p) => p === value);
    return { text: type ? POLICY_LABEL[type] : title, title, mono: false };
  }
  if (facet === "guardrailSides")
    return { text: value === "input" ? "Input (prompt)" : value === "output" ? "Output (response)" : title, title, mono: false };
  if (facet === "guardrails") return { text: title, title, mono: true };
  return { text: title, title, mono: facet === "regions" || facet === "errorCodes" };
}

type Props = {
  state: LogsSearchState;
  facets: Facets | undefined;
  loading: boolean;
  onToggle: (patch: LogsPatch) => void;
};

/** Counts per value under the current filter; pressing a value adds it to (or removes it from) the filter. */
export function FacetSidebar({ state, facets, loading, onToggle }: Props) {
  return (
    <nav aria-label="Facets" aria-busy={loading} className="space-y-1">
      {FACET_ORDER.map((key) => {
        const values = facets?.[key] ?? [];
        const max = Math.max(1, ...values.map((v) => v.count));
        return (
          <details key={key} open className="group rounded-lg">
            <summary className="flex h-8 cursor-pointer list-none items-center gap-1.5 rounded-md px-1.5 text-xs font-semibold tracking-wide text-(--muted) uppercase hover:text-(--foreground) [&::-webkit-details-marker]:hidden">
              <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
              {TITLE[key]}
              {facets && <span className="ml-auto font-normal normal-case tabular-nums">{values.length}</span>}
            </summary>
            {!facets ? (
              <div className="space-y-1.5 px-1.5 pt-1 pb-2">
                {[0, 1, 2].map((i) => (
                  <Skeleton key={i} className="h-5" />
                ))}
              </div>
            ) : values.length === 0 ? (
              <p className="px-2 pb-2 text-xs text-(--muted)">No values in this range.</p>
            ) : (
              <ul role="group" aria-label={TITLE[key]} className={cn("max-h-64 overflow-y-auto pb-2", loading && "opacity-60")}>
                {values.map((v) => {
                  const patch = facetToggle(state, key, v.value);
                  const selected = isSelected(state, key, v.value);
                  const label = valueLabel(key, v.value);
                  return (
                    <li key={v.value ?? "\u0000null"}>
                      <button
                        type="button"
                        disabled={!patch}
                        aria-pressed={patch ? selected : undefined}
                        aria-label={`${label.text}, ${formatCount(v.count)}`}
                        title={patch ? `${label.title} (${formatCount(v.count)})` : `${label.title}: cannot be filtered on`}
                        onClick={() => patch && onToggle(patch)}
                        className={cn(
                          "group/v relative flex h-7 w-full items-center gap-2 overflow-hidden rounded-md px-2 text-left text-xs transition-colors",
                          selected
                            ? "bg-(--accent)/12 font-medium text-(--foreground) ring-1 ring-(--accent)/40 ring-inset"
                            : "text-(--foreground)/85 hover:bg-slate-900/[0.04] enabled:cursor-pointer disabled:text-(--muted) dark:hover:bg-white/[0.05]",
                        )}
                      >
                        <span
                          aria-hidden
                          className={cn(
                            "absolute inset-y-1 left-0 rounded-r-sm",
                            selected ? "bg-(--accent)/20" : "bg-(--accent)/[0.07]",
                          )}
                          style={{ width: `${(v.count / max) * 100}%` }}
                        />
                        <span className={cn("relative min-w-0 flex-1 truncate", label.mono && "font-mono text-[11px]")}>
                          {label.text}
                        </span>
                        <span className="relative shrink-0 text-[11px] text-(--muted) tabular-nums">{formatCount(v.count)}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </details>
        );
      })}
    </nav>
  );
}
