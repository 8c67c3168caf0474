import "server-only";
import type { GuardrailVersion } from "@/server/inventory/bedrock";

type ContentFilter = NonNullable<NonNullable<GuardrailVersion["contentPolicy"]>["filters"]>[number];
type PiiEntity = NonNullable<NonNullable<GuardrailVersion["sensitiveInformationPolicy"]>["piiEntities"]>[number];
type PiiRegex = NonNullable<NonNullable<GuardrailVersion["sensitiveInformationPolicy"]>["regexes"]>[number];

// GetGuardrail omits an action when it is the default BLOCK and omits `enabled` when true.
export function contentFilterInputIssue(f: ContentFilter): string | undefined {
  if (f.inputEnabled === false) return "input evaluation disabled";
  if (f.inputStrength === "NONE") return "input strength NONE";
  if (f.inputAction === "NONE") return "input action NONE (detect only)";
  return undefined;
}

export function contentFilterOutputIssue(f: ContentFilter): string | undefined {
  if (f.outputEnabled === false) return "output evaluation disabled";
  if (f.outputStrength === "NONE") return "output strength NONE";
  if (f.outputAction === "NONE") return "output action NONE (detect only)";
  return undefined;
}

export function contentFilters(version: GuardrailVersion): ContentFilter[] {
  return version.contentPolicy?.filters ?? [];
}

/** A PII entity enforces when at least one direction is enabled with an action other than NONE. */
export function piiEntityEnforces(e: PiiEntity): boolean {
  const input = e.inputEnabled !== false && (e.inputAction ?? e.action) !== "NONE";
  const output = e.outputEnabled !== false && (e.outputAction ?? e.action) !== "NONE";
  return input || output;
}

export function piiRegexEnforces(r: PiiRegex): boolean {
  return (r.inputAction ?? r.action) !== "NONE" || (r.outputAction ?? r.action) !== "NONE";
}

export function piiPolicy(version: GuardrailVersion): { entities: PiiEntity[]; regexes: PiiRegex[] } {
  return {
    entities: version.sensitiveInformationPolicy?.piiEntities ?? [],
    regexes: version.sensitiveInformationPolicy?.regexes ?? [],
  };
}
