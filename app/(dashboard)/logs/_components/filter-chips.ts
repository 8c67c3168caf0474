import { POLICY_LABEL, principalLabel, shortModel } from "@/components/logs/format";
import { visibleText } from "@/components/logs/escape";
import type { LogsPatch, LogsSearchState } from "../search-params";

export type Chip = { key: string; field: string; value: string; title: string; remove: LogsPatch };

type ListKey = "account" | "region" | "model" | "op" | "principal" | "role" | "error" | "meta";

const LIST_FIELDS: { key: ListKey; field: string; show?: (v: string) => string }[] = [
  { key: "account", field: "Account" },
  { key: "region", field: "Region" },
  { key: "model", field: "Model", show: shortModel },
  { key: "op", field: "Operation" },
  {
    key: "principal",
    field: "Principal",
    show: (arn) => {
      const p = principalLabel({ arn, role: null, session: null, type: "unknown" });
      return p.detail ? `${p.name} / ${p.detail}` : p.name;
    },
  },
  { key: "role", field: "Role" },
  { key: "error", field: "Error code" },
  { key: "meta", field: "Metadata" },
];

function range(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${min}–${max}`;
  return min !== null ? `≥ ${min}` : `≤ ${max ?? 0}`;
}

/** Every active filter as a removable chip; values are made visible-safe for display and titles. */
export function filterChips(state: LogsSearchState): Chip[] {
  const chips: Chip[] = [];
  for (const { key, field, show } of LIST_FIELDS) {
    const values = state[key];
    for (const v of values) {
      chips.push({
        key: `${key}:${v}`,
        field,
        value: visibleText(show ? show(v) : v),
        title: visibleText(v),
        remove: { [key]: values.filter((x) => x !== v) },
      });
    }
  }
  for (const g of state.guardrail) {
    const value = g === "INTERVENED" ? "Intervened" : "Passed";
    chips.push({
      key: `guardrail:${g}`,
      field: "Guardrail action",
      value,
      title: g,
      remove: { guardrail: state.guardrail.filter((x) => x !== g) },
    });
  }
  for (const p of state.policy) {
    const value = POLICY_LABEL[p];
    chips.push({ key: `policy:${p}`, field: "Policy", value, title: p, remove: { policy: state.policy.filter((x) => x !== p) } });
  }
  for (const id of state.gid) {
    chips.push({
      key: `gid:${id}`,
      field: "Guardrail",
      value: visibleText(id),
      title: visibleText(id),
      remove: { gid: state.gid.filter((x) => x !== id) },
    });
  }
  for (const s of state.side) {
    chips.push({
      key: `side:${s}`,
      field: "Side",
      value: s,
      title: `Guardrail findings on the ${s} side`,
      remove: { side: state.side.filter((x) => x !== s) },
    });
  }
  if (state.hasError !== null) {
    const value = state.hasError ? "Failed calls" : "Successful calls";
    chips.push({ key: "hasError", field: "Outcome", value, title: value, remove: { hasError: null } });
  }
  if (state.xregion !== null) {
    const value = state.xregion ? "Cross-Region only" : "Same Region only";
    chips.push({ key: "xregion", field: "Inference", value, title: value, remove: { xregion: null } });
  }
  if (state.inMin !== null || state.inMax !== null) {
    const value = range(state.inMin, state.inMax);
    chips.push({ key: "in", field: "Input tokens", value, title: value, remove: { inMin: null, inMax: null } });
  }
  if (state.outMin !== null || state.outMax !== null) {
    const value = range(state.outMin, state.outMax);
    chips.push({ key: "out", field: "Output tokens", value, title: value, remove: { outMin: null, outMax: null } });
  }
  return chips;
}
