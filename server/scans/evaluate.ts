import "server-only";
import { GLOBAL_REGION, type Category, type Severity, type Status } from "@/lib/schemas/finding";
import type { Check, CheckContext, FindingDraft } from "@/server/checks/define-check";
import type { Inventory } from "@/server/inventory";

export type EvaluatedFinding = FindingDraft & {
  checkId: string;
  severity: Severity;
  category: Category;
  accountId: string;
  region: string;
};

function run(check: Check, inventory: Inventory, context: CheckContext): FindingDraft[] {
  try {
    return check.evaluate(inventory, context);
  } catch (error) {
    // A bug or an unexpected shape must surface as ERROR, never as a missing (and so silently passing) check.
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        resourceArn: `arn:${inventory.partition}:iam::${inventory.accountId}:root`,
        status: "ERROR" satisfies Status,
        message: `The check failed to evaluate: ${reason}`,
        evidence: { error: reason },
      },
    ];
  }
}

function tag(check: Check, accountId: string, region: string, drafts: FindingDraft[]): EvaluatedFinding[] {
  return drafts.map((d) => ({
    ...d,
    checkId: check.id,
    severity: check.severity,
    category: check.category,
    accountId,
    region,
  }));
}

function evaluateCheck(check: Check, inventories: readonly Inventory[], context: CheckContext): EvaluatedFinding[] {
  const first = inventories[0];
  if (!first) return [];
  if (check.scope === "account") return tag(check, first.accountId, GLOBAL_REGION, run(check, first, context));
  return inventories.flatMap((inv) => tag(check, inv.accountId, inv.region, run(check, inv, context)));
}

/**
 * Evaluates every check over one account's inventories (one per region). Account-scoped checks
 * (IAM, Organizations) run once, on the first region's inventory, and report region "global".
 */
export function evaluateAccount(
  checks: readonly Check[],
  inventories: readonly Inventory[],
  context: CheckContext,
): EvaluatedFinding[] {
  return checks.flatMap((check) => evaluateCheck(check, inventories, context));
}

/**
 * The same, yielding to the event loop between checks: policy simulation is CPU-bound, and a
 * scan inside the dashboard process must not stall every other request while it evaluates.
 */
export async function evaluateAccountYielding(
  checks: readonly Check[],
  inventories: readonly Inventory[],
  context: CheckContext,
): Promise<EvaluatedFinding[]> {
  const out: EvaluatedFinding[] = [];
  for (const check of checks) {
    out.push(...evaluateCheck(check, inventories, context));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}
