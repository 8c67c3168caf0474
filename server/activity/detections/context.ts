import "server-only";
import type { Inventory } from "@/server/inventory";
import type { Part } from "@/server/inventory/part";
import { bedrockKeyUsers, groupByKey } from "@/server/checks/lib/kms-keys";
import type { AsOf, DetectionContext } from "./detector";
import { postureFromVersion, type GuardrailPosture } from "./guardrail-posture";
import { bedrockTypesOf } from "./trail-selectors";

const data = <T>(part: Part<T[]>): T[] => (part.status === "ok" ? part.data : []);

function keyRefs(inv: Inventory): string[] {
  const b = inv.bedrock;
  const users = bedrockKeyUsers({
    customModels: data(b.customModels),
    importedModels: data(b.importedModels),
    agents: data(b.agents),
    knowledgeBases: data(b.knowledgeBases),
    guardrails: data(b.guardrails),
    prompts: data(b.prompts),
    flows: data(b.flows),
  });
  const logGroup = b.loggingConfig.status === "ok" ? b.loggingConfig.data?.cloudWatchConfig?.logGroupName : undefined;
  const logKey = data(inv.logs.logGroups).find((g) => g.logGroupName === logGroup)?.kmsKeyId;
  const refs = users.map((u) => u.keyRef).concat(logKey ? [logKey] : []);
  const resolved = groupByKey(data(inv.kms.keys), users).flatMap((g) => (g.key ? [g.key.arn, g.key.keyId] : []));
  return [...refs, ...resolved];
}

/** Which check an org policy that mentions Bedrock in a Deny backs; a heuristic on its text. */
function guardingCheck(type: string, content: string): string | null | undefined {
  if (type === "BEDROCK_POLICY") return "org-bedrock-policy";
  if (type !== "SERVICE_CONTROL_POLICY") return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return undefined;
  }
  const statements = (doc as { Statement?: unknown }).Statement;
  const denies = (Array.isArray(statements) ? statements : [statements]).filter(
    (s) => (s as { Effect?: unknown } | undefined)?.Effect === "Deny" && /bedrock/i.test(JSON.stringify(s)),
  );
  if (denies.length === 0) return undefined;
  const text = JSON.stringify(denies).toLowerCase();
  if (text.includes("bedrock:guardrailidentifier")) return "org-scp-require-guardrail";
  if (text.includes("aws:requestedregion")) return "org-scp-region-restriction";
  return null;
}

/**
 * The detection context from the latest scan's inventories (one per account × region). Parts that
 * were unavailable contribute nothing, so detectors that need them stay silent rather than guess.
 * Guardrail and trail baselines carry the scan time: detectors use them only for later events.
 * An SCP "guards Bedrock" when one of its Deny statements mentions bedrock; Bedrock org policies
 * (BEDROCK_POLICY) always do.
 */
export function detectionContextFromInventories(inventories: readonly Inventory[]): DetectionContext {
  const keys = new Set<string>();
  const scps = new Map<string, { name: string; checkId: string | null }>();
  const guardrails = new Map<string, AsOf<GuardrailPosture>>();
  const trails = new Map<string, AsOf<string[]>>();
  for (const inv of inventories) {
    for (const ref of keyRefs(inv)) keys.add(ref);
    for (const g of data(inv.bedrock.guardrails))
      guardrails.set(`${inv.accountId}|${inv.region}|${g.id}`, {
        value: postureFromVersion(g.draft),
        collectedAt: inv.collectedAt,
      });
    for (const t of data(inv.cloudtrail.trails)) {
      const basic = t.eventSelectors
        .flatMap((s) => s.dataResources.map((r) => r.type))
        .filter((x) => x.startsWith("AWS::Bedrock::"));
      trails.set(`${inv.accountId}|${t.name}`, {
        value: [...new Set([...bedrockTypesOf(t.advancedEventSelectors), ...basic])],
        collectedAt: inv.collectedAt,
      });
    }
    const org = inv.organizations.status === "ok" ? inv.organizations.data : null;
    for (const p of org?.policies ?? []) {
      const checkId = guardingCheck(p.type, p.content);
      if (checkId !== undefined) scps.set(p.id, { name: p.name, checkId });
    }
  }
  return { bedrockKeyArns: keys, bedrockGuardingScps: scps, guardrails, trailBedrockDataTypes: trails };
}
