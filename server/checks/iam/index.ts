import "server-only";
import type { Check } from "../define-check";

export const iamChecks: readonly Check[] = [];
