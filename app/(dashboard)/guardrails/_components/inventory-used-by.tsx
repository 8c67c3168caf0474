import type { GuardrailUsage } from "@/lib/schemas/guardrail-inventory";

const KIND_LABEL: Record<GuardrailUsage["kind"], string> = { agent: "Agent", flow: "Flow", enforced: "Enforced" };

/** Agents, flow nodes and account-level enforced configurations referencing this guardrail. */
export function UsedBy({ usage }: { usage: GuardrailUsage[] }) {
  if (usage.length === 0)
    return <p className="text-xs text-(--muted)">No agent, flow or enforced configuration references it.</p>;
  return (
    <ul className="space-y-1 text-xs">
      {usage.map((u, i) => (
        <li key={`${u.kind} ${u.name} ${i}`} className="flex items-baseline gap-2">
          <span className="w-16 shrink-0 text-[10px] font-semibold tracking-wide text-(--muted) uppercase">
            {KIND_LABEL[u.kind]}
          </span>
          <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
            {u.name}
            {u.detail && <span className="block text-(--muted)">{u.detail}</span>}
          </span>
          <span className="font-mono text-[11px]">
            {u.version === null ? "—" : u.version === "DRAFT" ? "DRAFT" : `v${u.version}`}
          </span>
        </li>
      ))}
    </ul>
  );
}
