import "server-only";
import type { Check } from "./define-check";
import { encryptionChecks } from "./encryption";
import { governanceChecks } from "./governance";
import { guardrailsChecks } from "./guardrails";
import { iamChecks } from "./iam";
import { loggingChecks } from "./logging";
import { monitoringChecks } from "./monitoring";
import { networkChecks } from "./network";

/** Every check, imported statically: registry.test.ts proves no file under checks/ is left out. */
export const CHECKS: readonly Check[] = [
  ...iamChecks,
  ...networkChecks,
  ...encryptionChecks,
  ...loggingChecks,
  ...guardrailsChecks,
  ...monitoringChecks,
  ...governanceChecks,
];

const BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function getCheck(id: string): Check | undefined {
  return BY_ID.get(id);
}
