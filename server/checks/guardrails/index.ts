import "server-only";
import type { Check } from "../define-check";

export const guardrailsChecks: readonly Check[] = [];
