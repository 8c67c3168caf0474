import "server-only";
import { mappingsByCheck } from "@/server/compliance/frameworks";
import type { Check } from "./define-check";
import { encryptionChecks } from "./encryption";
import { governanceChecks } from "./governance";
import { guardrailsChecks } from "./guardrails";
import { iamChecks } from "./iam";
import { loggingChecks } from "./logging";
import { monitoringChecks } from "./monitoring";
import { networkChecks } from "./network";

/** A check with its compliance mappings: framework id → requirement ids, derived from server/compliance/frameworks. */
export type RegisteredCheck = Check & { frameworks: Record<string, string[]> };

/** Every check, imported statically: registry.test.ts proves no file under checks/ is left out. */
const DEFINED: readonly Check[] = [
  ...iamChecks,
  ...networkChecks,
  ...encryptionChecks,
  ...loggingChecks,
  ...guardrailsChecks,
  ...monitoringChecks,
  ...governanceChecks,
];

const MAPPINGS = mappingsByCheck();

export const CHECKS: readonly RegisteredCheck[] = DEFINED.map((c) => ({ ...c, frameworks: MAPPINGS.get(c.id) ?? {} }));

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function getCheck(id: string): RegisteredCheck | undefined {
  return BY_ID.get(id);
}
