import "server-only";
import type { PolicyStatement } from "@/server/inventory/policy-document";
import type { DecidingStatement } from "./iam-simulate";

/** `Action: "bedrock:*"` / `NotAction: […]`, the way the statement spells it. */
function actionText(s: PolicyStatement): string {
  if (s.Action !== undefined) return `Action ${JSON.stringify(s.Action)}`;
  return `NotAction ${JSON.stringify(s.NotAction)}`;
}

function resourceText(s: PolicyStatement): string {
  if (s.Resource !== undefined) return `Resource ${JSON.stringify(s.Resource)}`;
  if (s.NotResource !== undefined) return `NotResource ${JSON.stringify(s.NotResource)}`;
  return "no Resource";
}

/** `policy "P" Sid "S" (Action …, Resource …)` per distinct statement. */
export function grantsText(statements: readonly DecidingStatement[], show: "action" | "resource" | "both" = "both"): string {
  return unique(statements)
    .map((s) => {
      const parts = [
        show !== "resource" ? actionText(s.statement) : "",
        show !== "action" ? resourceText(s.statement) : "",
      ].filter(Boolean);
      return `policy "${s.policy}" ${s.label} (${parts.join(", ")})`;
    })
    .join("; ");
}

export function unique(statements: readonly DecidingStatement[]): DecidingStatement[] {
  return [...new Map(statements.map((s) => [`${s.policy}#${s.index}`, s])).values()];
}

/** The statements as evidence: which policy, which statement, and what it says. */
export function grantsEvidence(statements: readonly DecidingStatement[]): unknown[] {
  return unique(statements).map((s) => ({ policy: s.policy, statement: s.label, ...s.statement }));
}

/** Condition keys a statement tests, as written. */
export function conditionKeys(s: PolicyStatement): string[] {
  return Object.values(s.Condition ?? {}).flatMap((entries) => Object.keys(entries));
}
