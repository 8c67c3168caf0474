import "server-only";
import type { Check } from "../define-check";

export const loggingChecks: readonly Check[] = [];
