import "server-only";
import { asList } from "@/server/inventory/policy-document";
import type { ParsedPolicy } from "./iam-policy";

/*
 * Probes are concrete ARNs of models nobody would name in a policy. If the simulator allows a call
 * on one, the grant covers models the policy does not name: the policy uses a wildcard.
 */

export type Where = { partition: string; region: string; accountId: string };

const PROBE_ID = "strata-probe.unnamed-model-v1:0";

export function foundationModelProbe(w: Where): string {
  return `arn:${w.partition}:bedrock:${w.region}::foundation-model/${PROBE_ID}`;
}

export function inferenceProfileProbe(w: Where): string {
  return `arn:${w.partition}:bedrock:${w.region}:${w.accountId}:inference-profile/${PROBE_ID}`;
}

/** Foundation model, system inference profile and application inference profile. */
export function modelProbes(w: Where): string[] {
  return [
    foundationModelProbe(w),
    inferenceProfileProbe(w),
    `arn:${w.partition}:bedrock:${w.region}:${w.accountId}:application-inference-profile/strataprobe0000`,
  ];
}

const MODEL_TYPES = [
  "foundation-model/",
  "inference-profile/",
  "application-inference-profile/",
  "custom-model/",
  "custom-model-deployment/",
  "imported-model/",
  "provisioned-model/",
  "prompt-router/",
  "default-prompt-router/",
];

type ArnParts = { partition: string; service: string; region: string; account: string; resource: string };

function splitArn(arn: string): ArnParts | undefined {
  const parts = arn.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = ""] = parts;
  return { partition, service, region, account, resource: parts.slice(5).join(":") };
}

const hasWildcard = (s: string) => /[*?]/.test(s);
// A concrete value that the pattern matches: `*` stands for any text, `?` for one character.
const fill = (s: string) => s.replace(/\*/g, "strataprobe").replace(/\?/g, "x");

export type ModelResource = {
  /** The Resource entry as written. */
  pattern: string;
  /** A concrete ARN the entry matches. */
  probe: string;
  /** True when the model id itself is a wildcard (not only the region or account). */
  wildcardModel: boolean;
};

/**
 * The Bedrock ARNs of the given resource types (default: models) named in Allow statements, each
 * with a concrete ARN it matches. Only entries whose resource type is spelled out
 * (`foundation-model/…`) are returned; `*` and other broad entries are covered by the probes.
 */
export function modelResources(policies: readonly ParsedPolicy[], types: readonly string[] = MODEL_TYPES): ModelResource[] {
  const out = new Map<string, ModelResource>();
  for (const policy of policies) {
    for (const s of policy.statements) {
      if (s.Effect !== "Allow") continue;
      for (const pattern of asList(s.Resource)) {
        const arn = splitArn(pattern);
        if (!arn || !(arn.service.toLowerCase() === "bedrock" || hasWildcard(arn.service))) continue;
        const type = types.find((t) => arn.resource.startsWith(t));
        if (!type) continue;
        const probe = ["arn", fill(arn.partition), "bedrock", fill(arn.region), fill(arn.account), fill(arn.resource)].join(":");
        out.set(pattern, { pattern, probe, wildcardModel: hasWildcard(arn.resource.slice(type.length)) });
      }
    }
  }
  return [...out.values()];
}

/**
 * A resource of `service` that only an all-covering pattern (`*`, `arn:aws:bedrock:*:*:*`) matches:
 * used for actions that take no specific resource (CreateGuardrail, aws-marketplace:Subscribe).
 */
export function anyResourceProbe(service: string, w: Where): string {
  return `arn:${w.partition}:${service}:${w.region}:${w.accountId}:strataprobe/unlisted-resource`;
}
