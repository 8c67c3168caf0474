import type { ReactNode } from "react";
import type { GuardrailVersionView, WeakSetting } from "@/lib/schemas/guardrail-inventory";
import { ActionText, StrengthBadge, WeakSettingList } from "./inventory-badges";

export function Section({ title, weak, children }: { title: string; weak: WeakSetting[]; children: ReactNode }) {
  return (
    <section className="min-w-0">
      <h4 className="mb-1.5 text-[11px] font-semibold tracking-wide text-(--muted) uppercase">{title}</h4>
      {children}
      <WeakSettingList items={weak} className="mt-2" />
    </section>
  );
}

const none = <p className="text-xs text-(--muted)">Not configured.</p>;
const th = "px-2 py-1 text-left font-medium text-(--muted)";
const td = "px-2 py-1 align-top";

/** The header of a per-side table: what the row is, then its input and output settings. */
function SidesHead({ first }: { first: string }) {
  return (
    <thead>
      <tr className="border-b border-(--border)">
        {[first, "Input", "Output"].map((h) => (
          <th key={h} scope="col" className={th}>
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function ContentFilters({ v }: { v: GuardrailVersionView }) {
  if (v.contentFilters.length === 0 && !v.promptAttack) return none;
  return (
    <table className="w-full text-xs">
      <SidesHead first="Category" />
      <tbody>
        {v.contentFilters.map((f) => (
          <tr key={f.category} className="border-b border-(--border)/60 last:border-0">
            <th scope="row" className={`${td} text-left font-mono font-normal`}>
              {f.category}
            </th>
            <td className={td}>
              <StrengthBadge side={f.input} label={`${f.category} input`} />
            </td>
            <td className={td}>
              <StrengthBadge side={f.output} label={`${f.category} output`} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PromptAttack({ v }: { v: GuardrailVersionView }) {
  if (!v.promptAttack) return <p className="text-xs text-status-fail">No prompt-attack filter.</p>;
  return (
    <p className="flex items-center gap-2 text-xs">
      Input <StrengthBadge side={v.promptAttack.input} label="Prompt attack input" />
    </p>
  );
}

export function PiiTable({ v }: { v: GuardrailVersionView }) {
  const rows = [
    ...v.piiEntities.map((e) => ({ key: `e ${e.type}`, name: e.type, pattern: null, input: e.input, output: e.output })),
    ...v.regexes.map((r) => ({ key: `r ${r.name}`, name: r.name, pattern: r.pattern, input: r.input, output: r.output })),
  ];
  if (rows.length === 0) return none;
  return (
    <table className="w-full text-xs">
      <SidesHead first="Entity" />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className="border-b border-(--border)/60 last:border-0">
            <th scope="row" className={`${td} text-left font-mono font-normal [overflow-wrap:anywhere]`}>
              {r.name}
              {r.pattern !== null && <span className="block text-[10px] text-(--muted)">regex {r.pattern}</span>}
            </th>
            <td className={td}>
              <ActionText action={r.input.action} enabled={r.input.enabled} />
            </td>
            <td className={td}>
              <ActionText action={r.output.action} enabled={r.output.enabled} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Topics({ v }: { v: GuardrailVersionView }) {
  if (v.topics.length === 0) return none;
  return (
    <ul className="space-y-0.5 text-xs">
      {v.topics.map((t) => (
        <li key={t.name} className="flex items-baseline gap-2">
          <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{t.name}</span>
          <ActionText action={t.inputAction} /> <span className="text-(--muted)">/</span> <ActionText action={t.outputAction} />
        </li>
      ))}
      {v.topicTier && <li className="text-(--muted)">Tier {v.topicTier}</li>}
    </ul>
  );
}

export function Words({ v }: { v: GuardrailVersionView }) {
  if (v.words.customCount === 0 && v.words.managedLists.length === 0) return none;
  return (
    <p className="text-xs">
      {v.words.customCount} custom {v.words.customCount === 1 ? "word" : "words"}
      {v.words.managedLists.length > 0 && <> · managed: {v.words.managedLists.join(", ")}</>}
    </p>
  );
}

const pct = (n: number | null) => (n === null ? "off" : n.toFixed(2));

export function Grounding({ v }: { v: GuardrailVersionView }) {
  const { grounding, relevance } = v.grounding;
  if (grounding === null && relevance === null) return none;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
      <dt className="text-(--muted)">Grounding</dt>
      <dd className="font-mono">{pct(grounding)}</dd>
      <dt className="text-(--muted)">Relevance</dt>
      <dd className="font-mono">{pct(relevance)}</dd>
    </dl>
  );
}

export function Reasoning({ v }: { v: GuardrailVersionView }) {
  if (!v.automatedReasoning) return none;
  return (
    <ul className="space-y-0.5 text-xs">
      {v.automatedReasoning.policies.map((p) => (
        <li key={p} className="font-mono text-[11px] [overflow-wrap:anywhere]">
          {p}
        </li>
      ))}
      {v.automatedReasoning.confidenceThreshold !== null && (
        <li className="text-(--muted)">Confidence threshold {v.automatedReasoning.confidenceThreshold}</li>
      )}
    </ul>
  );
}
