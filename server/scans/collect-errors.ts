import "server-only";
import type { ScanError } from "@/lib/schemas/scan";
import type { Inventory } from "@/server/inventory";

function isPart(value: unknown): value is { status: string; reason?: string; action?: string } {
  return typeof value === "object" && value !== null && "status" in value;
}

/** Every unavailable part of an inventory, as per-account, per-service scan errors. */
export function collectErrors(inv: Inventory): ScanError[] {
  const errors: ScanError[] = [];
  const visit = (name: string, value: unknown) => {
    if (!isPart(value) || value.status !== "unavailable") return;
    // A feature AWS does not offer in the region is not a collection error (its checks are NOT_APPLICABLE).
    if ("notInRegion" in value && value.notInRegion === true) return;
    errors.push({
      accountId: inv.accountId,
      region: inv.region,
      part: name,
      reason: value.reason ?? "unavailable",
      ...(value.action ? { action: value.action } : {}),
    });
  };
  for (const [service, value] of Object.entries(inv)) {
    if (isPart(value)) visit(service, value);
    else if (typeof value === "object" && value !== null) {
      for (const [part, sub] of Object.entries(value)) visit(`${service}.${part}`, sub);
    }
  }
  return errors;
}
