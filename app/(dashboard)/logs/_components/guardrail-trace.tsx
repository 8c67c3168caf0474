import { cn } from "@/components/ui/cn";
import { SafeText } from "@/components/logs/safe-text";
import { POLICY_LABEL } from "@/components/logs/format";
import { visibleText } from "@/components/logs/escape";
import type { GuardrailFinding } from "@/lib/schemas/log-detail";

function score(f: GuardrailFinding): string {
  if (f.score === null) return f.confidence ?? f.strength ?? "–";
  return f.threshold === null ? f.score.toFixed(2) : `${f.score.toFixed(2)} / ${f.threshold.toFixed(2)}`;
}

/** The guardrail trace, one row per policy entry; the entries that acted are highlighted and listed first. */
export function GuardrailTrace({ findings }: { findings: GuardrailFinding[] }) {
  if (findings.length === 0) return <p className="text-sm text-(--muted)">The guardrail trace has no policy entries.</p>;
  const ordered = [...findings].sort((a, b) => Number(b.fired) - Number(a.fired));
  const fired = findings.filter((f) => f.fired).length;
  return (
    <div className="overflow-x-auto rounded-lg border border-(--border)">
      <table className="w-full min-w-[36rem] text-xs">
        <caption className="sr-only">
          Guardrail trace: {findings.length} entries, {fired} fired
        </caption>
        <thead className="bg-slate-50/70 text-left text-(--muted) dark:bg-white/[0.03]">
          <tr>
            {["", "Side", "Policy", "Name", "Action", "Confidence / score", "Match"].map((h, i) => (
              <th key={i} scope="col" className={cn("h-8 px-2.5 font-medium", i === 0 && "w-6 pr-0")}>
                {h === "" ? <span className="sr-only">Fired</span> : h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ordered.map((f, i) => (
            <tr
              key={i}
              data-fired={f.fired || undefined}
              className={cn("border-t border-(--border) align-top", f.fired && "bg-status-fail/[0.07] font-medium")}
            >
              <td className="py-2 pr-0 pl-2.5">
                {f.fired ? (
                  <span title="This entry acted" className="block size-2 translate-y-1 rounded-full bg-status-fail">
                    <span className="sr-only">Fired</span>
                  </span>
                ) : (
                  <span className="sr-only">Did not fire</span>
                )}
              </td>
              <td className="px-2.5 py-2 capitalize">{f.side}</td>
              <td className="px-2.5 py-2 whitespace-nowrap">{POLICY_LABEL[f.policyType]}</td>
              <td className="max-w-[12rem] px-2.5 py-2 font-mono break-all">{visibleText(f.name)}</td>
              <td className={cn("px-2.5 py-2 font-mono", f.fired && "text-status-fail")}>
                {f.action ?? (f.detected ? "DETECTED" : "–")}
              </td>
              <td className="px-2.5 py-2 font-mono tabular-nums">{score(f)}</td>
              <td className="max-w-[14rem] px-2.5 py-2">
                {f.match === null ? (
                  <span className="text-(--muted)">–</span>
                ) : (
                  <span className="line-clamp-3 font-mono">
                    <SafeText text={f.match} limit={300} />
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
