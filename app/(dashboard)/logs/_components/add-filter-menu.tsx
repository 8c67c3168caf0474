"use client";

import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { FormFooter } from "@/components/ui/form-footer";
import { GUARDRAIL_ID, GUARDRAIL_SIDES, POLICY_TYPES } from "@/components/logs/constants";
import { POLICY_LABEL } from "@/components/logs/format";
import { useDisclosure } from "@/hooks/use-disclosure";
import { parseMetadataPair, type LogsPatch, type LogsSearchState } from "../search-params";

type ListKey = "account" | "region" | "model" | "op" | "principal" | "role" | "error";

const FIELDS = [
  { id: "account", label: "Account ID", kind: "text", placeholder: "123456789012" },
  { id: "region", label: "Region", kind: "text", placeholder: "us-east-1" },
  { id: "model", label: "Model ID", kind: "text", placeholder: "anthropic.claude-3-5-sonnet-20240620-v1:0" },
  { id: "op", label: "Operation", kind: "text", placeholder: "Converse" },
  { id: "principal", label: "Principal ARN", kind: "text", placeholder: "arn:aws:sts::123456789012:assumed-role/App/session" },
  { id: "role", label: "Role name", kind: "text", placeholder: "SupportBot" },
  { id: "error", label: "Error code", kind: "text", placeholder: "ThrottlingException" },
  {
    id: "outcome",
    label: "Outcome",
    kind: "choice",
    options: [
      ["true", "Failed calls"],
      ["false", "Successful calls"],
    ],
  },
  {
    id: "guardrail",
    label: "Guardrail action",
    kind: "choice",
    options: [
      ["INTERVENED", "Intervened"],
      ["NONE", "Passed"],
    ],
  },
  { id: "gid", label: "Guardrail ID", kind: "text", placeholder: "a1b2c3d4e5f6" },
  { id: "policy", label: "Guardrail policy type", kind: "choice", options: POLICY_TYPES.map((p) => [p, POLICY_LABEL[p]]) },
  {
    id: "side",
    label: "Guardrail side",
    kind: "choice",
    options: [
      ["input", "Input (prompt)"],
      ["output", "Output (response)"],
    ],
  },
  {
    id: "xregion",
    label: "Cross-Region inference",
    kind: "choice",
    options: [
      ["true", "Cross-Region only"],
      ["false", "Same Region only"],
    ],
  },
  { id: "in", label: "Input tokens", kind: "range" },
  { id: "out", label: "Output tokens", kind: "range" },
  { id: "meta", label: "Request metadata", kind: "metadata" },
] as const;

type FieldId = (typeof FIELDS)[number]["id"];

function readInt(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim();
  if (!text) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 0 ? n : Number.NaN;
}

/** Builds the URL patch for one added filter, or says what is wrong with the input. */
function toPatch(field: FieldId, data: FormData, state: LogsSearchState): LogsPatch | string {
  const value = String(data.get("value") ?? "").trim();
  switch (field) {
    case "outcome":
      return { hasError: value === "true" };
    case "xregion":
      return { xregion: value === "true" };
    case "guardrail":
      return value === "INTERVENED" || value === "NONE"
        ? { guardrail: [...new Set<"INTERVENED" | "NONE">([...state.guardrail, value])] }
        : "Pick an action.";
    case "policy": {
      const type = POLICY_TYPES.find((p) => p === value);
      return type ? { policy: [...new Set([...state.policy, type])] } : "Pick a policy type.";
    }
    case "gid":
      return GUARDRAIL_ID.test(value)
        ? { gid: [...new Set([...state.gid, value])] }
        : "A guardrail ID is 1–64 lowercase letters and digits (the last part of its ARN).";
    case "side": {
      const side = GUARDRAIL_SIDES.find((s) => s === value);
      return side ? { side: [...new Set([...state.side, side])] } : "Pick a side.";
    }
    case "in":
    case "out": {
      const min = readInt(data.get("min"));
      const max = readInt(data.get("max"));
      if (Number.isNaN(min) || Number.isNaN(max)) return "Token counts are whole numbers, 0 or more.";
      if (min === null && max === null) return "Give a minimum, a maximum or both.";
      if (min !== null && max !== null && min > max) return "The minimum must not exceed the maximum.";
      return field === "in" ? { inMin: min, inMax: max } : { outMin: min, outMax: max };
    }
    case "meta": {
      const pair = parseMetadataPair(`${String(data.get("key") ?? "").trim()}=${String(data.get("metaValue") ?? "")}`);
      if (!pair) return "Keys use letters, digits, '_', '.', ':' and '-'; values at most 256 characters.";
      return { meta: [...new Set([...state.meta, `${pair.key}=${pair.value}`])] };
    }
    default: {
      if (!value) return "Enter a value.";
      if (value.length > 256) return "Values are at most 256 characters.";
      const key: ListKey = field;
      return { [key]: [...new Set([...state[key], value])] };
    }
  }
}

const INPUT =
  "h-8 w-full min-w-0 rounded-md border border-(--border) bg-(--background) px-2 text-xs placeholder:text-(--muted)/70";

export function AddFilterMenu({ state, onChange }: { state: LogsSearchState; onChange: (patch: LogsPatch) => void }) {
  const { setOpen, toggle, triggerProps, panelProps } = useDisclosure();
  const [field, setField] = useState<FieldId>("account");
  const [error, setError] = useState<string | null>(null);
  const def = FIELDS.find((f) => f.id === field) ?? FIELDS[0];

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const patch = toPatch(field, new FormData(e.currentTarget), state);
    if (typeof patch === "string") return setError(patch);
    setError(null);
    onChange(patch);
    setOpen(false);
    e.currentTarget.reset();
  };

  return (
    <div className="relative">
      <button
        {...triggerProps}
        type="button"
        onClick={toggle}
        className="inline-flex h-7 items-center gap-1 rounded-md border border-dashed border-(--border) px-2 text-xs font-medium text-(--muted) hover:border-(--accent)/50 hover:text-(--foreground)"
      >
        <Plus aria-hidden className="size-3.5" />
        Add filter
      </button>
      <div
        {...panelProps}
        className="absolute top-full left-0 z-40 mt-1.5 w-80 rounded-xl border border-(--border) bg-(--card) p-3 shadow-xl"
      >
        <form onSubmit={submit} noValidate className="space-y-2.5" aria-label="Add a filter">
          <label className="block space-y-1 text-xs">
            <span className="font-medium">Field</span>
            <select
              value={field}
              onChange={(e) => {
                setField(e.currentTarget.value as FieldId);
                setError(null);
              }}
              className={INPUT}
            >
              {FIELDS.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          {def.kind === "text" && (
            <label className="block space-y-1 text-xs">
              <span className="font-medium">Value</span>
              <input name="value" maxLength={256} placeholder={def.placeholder} className={`${INPUT} font-mono`} />
            </label>
          )}
          {def.kind === "choice" && (
            <label className="block space-y-1 text-xs">
              <span className="font-medium">Value</span>
              <select name="value" className={INPUT}>
                {def.options.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          )}
          {def.kind === "range" && (
            <div className="grid grid-cols-2 gap-2">
              <label className="block space-y-1 text-xs">
                <span className="font-medium">At least</span>
                <input name="min" type="number" min={0} step={1} inputMode="numeric" className={`${INPUT} tabular-nums`} />
              </label>
              <label className="block space-y-1 text-xs">
                <span className="font-medium">At most</span>
                <input name="max" type="number" min={0} step={1} inputMode="numeric" className={`${INPUT} tabular-nums`} />
              </label>
            </div>
          )}
          {def.kind === "metadata" && (
            <div className="grid grid-cols-2 gap-2">
              <label className="block space-y-1 text-xs">
                <span className="font-medium">Key</span>
                <input name="key" maxLength={128} placeholder="tenant" className={`${INPUT} font-mono`} />
              </label>
              <label className="block space-y-1 text-xs">
                <span className="font-medium">Equals</span>
                <input name="metaValue" maxLength={256} placeholder="acme" className={`${INPUT} font-mono`} />
              </label>
            </div>
          )}
          <FormFooter error={error} submitLabel="Add filter" />
        </form>
      </div>
    </div>
  );
}
