import "server-only";
import type { GuardrailUsage, UnavailablePart } from "@/lib/schemas/guardrail-inventory";
import type { Inventory } from "@/server/inventory";
import type { Guardrail } from "@/server/inventory/bedrock";

/** References name a guardrail by id or ARN (some tools append ":<version>" to the ARN). */
function refersTo(g: Guardrail, identifier: string | undefined): boolean {
  if (identifier === undefined) return false;
  return identifier === g.id || identifier === g.arn || identifier.startsWith(`${g.arn}:`);
}

function scope(models: { includedModels: string[]; excludedModels: string[] } | undefined, inputTags?: string): string | null {
  const parts: string[] = [];
  if (models) {
    parts.push(models.includedModels.length > 0 ? `models: ${models.includedModels.join(", ")}` : "all models");
    if (models.excludedModels.length > 0) parts.push(`except ${models.excludedModels.join(", ")}`);
  }
  if (inputTags) parts.push(`input tags ${inputTags}`);
  return parts.length > 0 ? parts.join("; ") : null;
}

/** Who uses each guardrail in this account × region, from the inventory's own cross references. */
export function usageOf(inventory: Inventory, g: Guardrail): GuardrailUsage[] {
  const b = inventory.bedrock;
  const out: GuardrailUsage[] = [];
  if (b.agents.status === "ok") {
    for (const a of b.agents.data) {
      const ref = a.guardrailConfiguration;
      if (ref && refersTo(g, ref.guardrailIdentifier))
        out.push({ kind: "agent", name: a.agentName, arn: a.agentArn, version: ref.guardrailVersion, detail: null });
    }
  }
  if (b.flows.status === "ok") {
    for (const f of b.flows.data) {
      for (const n of f.nodes) {
        const ref = n.guardrailConfiguration;
        if (ref && refersTo(g, ref.guardrailIdentifier))
          out.push({ kind: "flow", name: `${f.name} › ${n.name}`, arn: f.arn, version: ref.guardrailVersion, detail: n.type });
      }
    }
  }
  if (b.enforcedGuardrails.status === "ok") {
    for (const e of b.enforcedGuardrails.data) {
      if (refersTo(g, e.guardrailArn) || refersTo(g, e.guardrailId))
        out.push({
          kind: "enforced",
          name: e.configId ?? "account enforced configuration",
          arn: null,
          version: e.guardrailVersion ?? null,
          detail: scope(e.modelEnforcement, e.inputTags),
        });
    }
  }
  return out;
}

const PARTS = [
  ["guardrails", "Guardrails"],
  ["enforcedGuardrails", "Enforced guardrail configurations"],
  ["agents", "Agents (used-by)"],
  ["flows", "Flows (used-by)"],
] as const;

/** The parts this page depends on that could not be read: said so, never shown as "none". */
export function unavailableParts(inventory: Inventory): UnavailablePart[] {
  return PARTS.flatMap(([key, label]) => {
    const p = inventory.bedrock[key];
    return p.status === "ok"
      ? []
      : [{ part: label, reason: p.reason, action: p.action ?? null, notInRegion: p.notInRegion === true }];
  });
}
