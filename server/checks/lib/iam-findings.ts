import "server-only";
import type { Status } from "@/lib/schemas/finding";
import type { IamInventory } from "@/server/inventory/iam";
import type { Inventory } from "@/server/inventory";
import { accountArn, withParts, type FindingDraft } from "../define-check";
import type { Where } from "./iam-probes";
import { finding } from "./bedrock-findings";
import { loadPrincipals, principalText, type Principal } from "./iam-principals";

/** The IAM checks' name for the shared finding builder. */
export const draft = finding;

/** Runs `fn`, turning a thrown error (e.g. from the simulator) into an ERROR finding for that resource. */
export function guarded(resourceArn: string, what: string, fn: () => FindingDraft[]): FindingDraft[] {
  try {
    return fn();
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return [draft(resourceArn, "ERROR", `Could not evaluate ${what}: ${reason}`, { error: reason })];
  }
}

/** Said in a FAIL message when a boundary could not be applied (ignoring it can only widen access). */
export function boundaryNote(p: Principal): string {
  return p.boundaryMissing
    ? ` (evaluated without its permissions boundary ${p.boundaryMissing}, which is not in the inventory)`
    : "";
}

type PerPrincipal = {
  kinds: readonly ("role" | "user")[];
  /** A finding for the principal, or undefined when the check does not concern it. */
  evaluate: (p: Principal) => FindingDraft | undefined;
  /** The finding when no principal is concerned (and none failed to load). */
  none: { resourceArn: string; status: Status; message: string };
};

/**
 * One finding per concerned principal, one ERROR per principal whose policies could not be read
 * (quoting the problem), and a single account-level finding when no principal is concerned.
 */
export function perPrincipal(iam: IamInventory, spec: PerPrincipal): FindingDraft[] {
  const { principals, problems } = loadPrincipals(iam);
  const out: FindingDraft[] = problems
    .filter((p) => spec.kinds.includes(p.kind))
    .map((p) =>
      draft(p.arn, "ERROR", `Could not evaluate ${principalText(p)}: ${p.problems.join("; ")}`, { problems: p.problems }),
    );
  for (const p of principals) {
    if (!spec.kinds.includes(p.kind)) continue;
    out.push(
      ...guarded(p.arn, principalText(p), () => {
        const f = spec.evaluate(p);
        return f ? [f] : [];
      }),
    );
  }
  if (out.length === 0)
    out.push(draft(spec.none.resourceArn, spec.none.status, spec.none.message, { principals: principals.length }));
  return out;
}

/**
 * The account-scoped shape shared by the per-principal IAM checks: every role and user evaluated
 * where the inventory places the account, a PASS naming `noneMessage` when nobody is concerned.
 */
export function perRoleAndUser(
  inventory: Inventory,
  evaluate: (p: Principal, where: Where) => FindingDraft | undefined,
  noneMessage: string,
): FindingDraft[] {
  const account = accountArn(inventory);
  const where: Where = { partition: inventory.partition, region: inventory.region, accountId: inventory.accountId };
  return withParts(account, { iam: inventory.iam }, ({ iam }) =>
    perPrincipal(iam, {
      kinds: ["role", "user"],
      evaluate: (p) => evaluate(p, where),
      none: { resourceArn: account, status: "PASS", message: noneMessage },
    }),
  );
}
