"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { GuardrailView } from "@/lib/schemas/guardrail-inventory";
import { WeakSettingList } from "./inventory-badges";
import { ContentFilters, Grounding, PiiTable, PromptAttack, Reasoning, Section, Topics, Words } from "./inventory-policies";
import { bySection } from "./inventory-sections";
import { UsedBy } from "./inventory-used-by";

/** One guardrail's settings, version by version; the checks' verdicts sit next to the setting they judge. */
export function GuardrailDetails({ g }: { g: GuardrailView }) {
  const evaluated = g.versions.find((v) => v.evaluated) ?? g.versions[0];
  const [chosen, setChosen] = useState(evaluated?.version ?? "DRAFT");
  const v = g.versions.find((x) => x.version === chosen) ?? evaluated;
  const weak = bySection(g.weakSettings);
  // Checks judge the evaluated version only: their verdicts are shown beside that version's settings.
  const of = (s: Parameters<typeof weak.of>[0]) => (v?.evaluated ? weak.of(s) : []);
  if (!v) return null;
  return (
    <div className="space-y-4 border-t border-(--border) bg-slate-50/50 px-5 py-4 dark:bg-white/[0.015]">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="text-(--muted)">Version</span>
        <div role="group" aria-label="Guardrail version" className="flex flex-wrap gap-1">
          {g.versions.map((x) => (
            <button
              key={x.version}
              type="button"
              aria-pressed={x.version === v.version}
              onClick={() => setChosen(x.version)}
              className={cn(
                "h-6 rounded-md border px-2 font-mono text-[11px]",
                x.version === v.version
                  ? "border-(--accent) bg-(--accent)/10 text-(--accent)"
                  : "border-(--border) hover:bg-(--accent)/5",
              )}
            >
              {x.version === "DRAFT" ? "DRAFT" : `v${x.version}`}
              {x.evaluated && <span className="ml-1 font-sans text-(--muted)">· checked</span>}
              {x.inUse && <span className="ml-1 font-sans text-(--muted)">· in use</span>}
            </button>
          ))}
        </div>
        <span className="text-(--muted)">
          {v.status} · updated {v.updatedAt.slice(0, 10)} · KMS{" "}
          <span className="font-mono text-[11px] [overflow-wrap:anywhere]">{v.kmsKeyArn ?? "AWS owned key"}</span>
          {v.contentTier && <> · tier {v.contentTier}</>}
        </span>
      </div>
      <WeakSettingList items={[...of("tier"), ...of("versions"), ...(v.evaluated ? weak.other : [])]} />
      <div className="grid gap-5 md:grid-cols-2 xl:grid-cols-3">
        <Section title="Content filters" weak={of("content")}>
          <ContentFilters v={v} />
        </Section>
        <Section title="Prompt attack" weak={of("promptAttack")}>
          <PromptAttack v={v} />
        </Section>
        <Section title="Sensitive information (PII)" weak={of("pii")}>
          <PiiTable v={v} />
        </Section>
        <Section title="Denied topics" weak={of("topics")}>
          <Topics v={v} />
        </Section>
        <Section title="Word filters" weak={[]}>
          <Words v={v} />
        </Section>
        <Section title="Contextual grounding" weak={of("grounding")}>
          <Grounding v={v} />
        </Section>
        <Section title="Automated reasoning" weak={of("reasoning")}>
          <Reasoning v={v} />
        </Section>
        <Section title="Used by" weak={[]}>
          <UsedBy usage={g.usedBy} />
        </Section>
      </div>
    </div>
  );
}
