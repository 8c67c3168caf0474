import "server-only";
import type { Principal } from "./record";

const ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):(iam|sts):[^:]*:([^:]*):(.+)$/;

function principal(arn: string | null, fields: Partial<Omit<Principal, "arn">> = {}): Principal {
  return {
    arn,
    type: fields.type ?? "unknown",
    role: fields.role ?? null,
    session: fields.session ?? null,
    user: fields.user ?? null,
    account: fields.account ?? null,
  };
}

// An estate has few principals and millions of records: classify each ARN once. Frozen, because
// every record of that principal shares the object. Cleared when full rather than tracked as an LRU.
const MAX_CACHED = 10_000;
const cache = new Map<string, Principal>();

/** Classifies `identity.arn` (STS or IAM ARN, bedrock-formats.md 1.2 and 5.3). */
export function parsePrincipal(arn: string | null | undefined): Principal {
  if (arn === undefined || arn === null || arn === "") return principal(null);
  let known = cache.get(arn);
  if (known === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear();
    known = Object.freeze(classify(arn));
    cache.set(arn, known);
  }
  return known;
}

function classify(arn: string): Principal {
  // A service principal ("bedrock.amazonaws.com") is not an ARN.
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(arn)) return principal(arn, { type: "service" });
  const match = ARN.exec(arn);
  if (!match) return principal(arn);
  const [, , service, account = "", resource = ""] = match;
  const base = { account: /^\d{12}$/.test(account) ? account : null };
  const parts = resource.split("/");
  const kind = parts[0];
  if (service === "sts" && kind === "assumed-role" && parts.length >= 3) {
    return principal(arn, { ...base, type: "assumed-role", role: parts[1], session: parts.slice(2).join("/") });
  }
  if (service === "sts" && kind === "federated-user" && parts.length >= 2) {
    return principal(arn, { ...base, type: "federated", session: parts.slice(1).join("/") });
  }
  if (service === "iam" && resource === "root") return principal(arn, { ...base, type: "root" });
  if (service === "iam" && kind === "user" && parts.length >= 2) {
    return principal(arn, { ...base, type: "iam-user", user: parts.at(-1) });
  }
  // A role ARN (path allowed) rather than the assumed-role session ARN: same identity, no session known.
  if (service === "iam" && kind === "role" && parts.length >= 2) {
    return principal(arn, { ...base, type: "assumed-role", role: parts.at(-1) });
  }
  return principal(arn, base);
}
