import "server-only";
import { ROLE_RANK, type Role } from "@/lib/auth/roles";

/**
 * The most capable role any of a person's groups maps to, or null (no access). The claim may be
 * an array or a single string, depending on the identity provider.
 */
export function roleFromGroups(claim: unknown, map: Record<string, Role>): Role | null {
  const groups = Array.isArray(claim)
    ? claim.filter((g): g is string => typeof g === "string")
    : typeof claim === "string"
      ? [claim]
      : [];
  let best: Role | null = null;
  for (const group of groups) {
    // Own keys only: a group named "constructor" or "__proto__" must not resolve to an Object.prototype member.
    const role = Object.hasOwn(map, group) ? map[group] : undefined;
    if (role && (best === null || ROLE_RANK[role] > ROLE_RANK[best])) best = role;
  }
  return best;
}
