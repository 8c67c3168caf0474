import "server-only";
import type { Inventory } from "@/server/inventory";
import { asList } from "@/server/inventory/policy-document";
import type { ScpContext } from "./scp-policies";

const GUARDRAIL_KEY = "bedrock:guardrailidentifier";

/**
 * Guardrail ARNs a compliant call could carry: a made-up one, the region's guardrails, and the
 * values the SCPs themselves expect (wildcards filled in).
 */
export function guardrailCandidates(scp: ScpContext, inventory: Inventory): string[] {
  const { partition, region, accountId } = inventory;
  const fromInventory =
    inventory.bedrock.guardrails.status === "ok"
      ? inventory.bedrock.guardrails.data.flatMap((g) => [g.arn, ...g.versions.map((v) => `${g.arn}:${v.version}`)])
      : [];
  const fromScps = scp.applicable.flatMap((p) =>
    p.statements.flatMap((s) =>
      Object.values(s.Condition ?? {}).flatMap((entries) =>
        Object.entries(entries).flatMap(([key, value]) =>
          key.toLowerCase() === GUARDRAIL_KEY && typeof value !== "boolean" && typeof value !== "number" ? asList(value) : [],
        ),
      ),
    ),
  );
  const filled = fromScps.map((v) => v.replace(/\*/g, "strataprobe").replace(/\?/g, "x"));
  return [...new Set([`arn:${partition}:bedrock:${region}:${accountId}:guardrail/strataprobe0:1`, ...fromInventory, ...filled])];
}

/**
 * A region where a compliant call should be allowed. SCP checks probe there so that one control
 * (say, the region restriction) is never mistaken for another (the guardrail requirement).
 */
export function approvedProbeRegion(inventory: Inventory, approvedRegions: readonly string[]): string {
  return approvedRegions.includes(inventory.region) ? inventory.region : (approvedRegions[0] ?? inventory.region);
}

/** Request contexts a compliant caller might send: none, or each plausible guardrail. */
export function compliantContexts(scp: ScpContext, inventory: Inventory): Record<string, string>[] {
  return [{}, ...guardrailCandidates(scp, inventory).map((g) => ({ "bedrock:GuardrailIdentifier": g }))];
}
