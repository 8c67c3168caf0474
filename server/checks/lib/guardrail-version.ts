import "server-only";
import type { Inventory } from "@/server/inventory";
import type { Guardrail, GuardrailVersion } from "@/server/inventory/bedrock";
import type { Status } from "@/lib/schemas/finding";
import { regionArn, withParts, type FindingDraft } from "../define-check";
import { finding, perResource } from "./bedrock-findings";

type EvaluatedGuardrail = {
  guardrail: Guardrail;
  version: GuardrailVersion;
  /** "v3" or "DRAFT". */
  versionLabel: string;
  /** "prod-chat v3": how messages name the guardrail. */
  label: string;
};

/**
 * The version that matters: applications and enforcement reference numbered versions, so the
 * highest one is what runs; a guardrail that was never versioned only has its mutable DRAFT.
 */
export function versionThatMatters(guardrail: Guardrail): EvaluatedGuardrail {
  let latest: GuardrailVersion | undefined;
  for (const v of guardrail.versions) {
    if (!/^\d+$/.test(v.version)) continue;
    if (!latest || Number(v.version) > Number(latest.version)) latest = v;
  }
  const version = latest ?? guardrail.draft;
  const versionLabel = latest ? `v${latest.version}` : "DRAFT";
  return { guardrail, version, versionLabel, label: `${guardrail.name} ${versionLabel}` };
}

type GuardrailVerdict = { status: Status; message: string; evidence?: Record<string, unknown> };

/** One finding per guardrail (on its version that matters), NOT_APPLICABLE when the region has none. */
export function evaluateGuardrails(inventory: Inventory, evaluate: (g: EvaluatedGuardrail) => GuardrailVerdict): FindingDraft[] {
  const arn = regionArn(inventory, "bedrock");
  return withParts(arn, { guardrails: inventory.bedrock.guardrails }, ({ guardrails }) =>
    perResource(guardrails, { resourceArn: arn, message: `No guardrails in ${inventory.region}` }, (g) => {
      const evaluated = versionThatMatters(g);
      const verdict = evaluate(evaluated);
      return finding(g.arn, verdict.status, verdict.message, {
        guardrail: g.name,
        version: evaluated.versionLabel,
        ...verdict.evidence,
      });
    }),
  );
}
