import type { LOG_POLICY_TYPES, LogSummary } from "@/lib/schemas/logs";

type PolicyType = (typeof LOG_POLICY_TYPES)[number];

export const POLICY_LABEL: Record<PolicyType, string> = {
  content: "Content",
  topic: "Denied topic",
  word: "Word",
  pii: "Sensitive info",
  grounding: "Grounding",
  promptAttack: "Prompt attack",
  automatedReasoning: "Automated reasoning",
};

/** Short forms for narrow cells; the full label goes in a title. */
export const POLICY_SHORT: Record<PolicyType, string> = {
  content: "Content",
  topic: "Topic",
  word: "Word",
  pii: "PII",
  grounding: "Grounding",
  promptAttack: "Prompt attack",
  automatedReasoning: "Reasoning",
};

/** Keeps both ends of a long name, where similar names differ ("AmazonBedrockExecu…Agents_X1"). */
export function middleTruncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const tail = Math.floor((max - 1) / 2);
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}

const NUMBER = new Intl.NumberFormat("en-US");
const COMPACT = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

export function formatTokens(n: number): string {
  return n >= 10_000 ? COMPACT.format(n) : NUMBER.format(n);
}

export function formatLatency(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

const MODEL_KINDS: Record<string, string> = {
  "foundation-model": "",
  "inference-profile": "",
  "application-inference-profile": "app profile ",
  "provisioned-model": "provisioned ",
  "custom-model": "custom ",
  "imported-model": "imported ",
  "marketplace-model": "marketplace ",
  "prompt-router": "prompt router ",
  "default-prompt-router": "prompt router ",
};

/**
 * A model id as a column can show it: plain ids as they are; for ARNs the resource name, with what
 * kind of resource it is when that is not obvious ("app profile 14045e84dagm").
 */
export function shortModel(modelId: string): string {
  if (!modelId.startsWith("arn:")) return modelId;
  const resource = modelId.split(":").slice(5).join(":");
  const slash = resource.indexOf("/");
  if (slash < 0) return resource || modelId;
  const kind = resource.slice(0, slash);
  const name = resource.slice(slash + 1);
  const prefix = MODEL_KINDS[kind];
  return prefix === undefined ? resource : `${prefix}${name.slice(name.lastIndexOf("/") + 1)}`;
}

/**
 * A principal as a person reads it: the role and session of an assumed role, a user name, or the
 * service; the full ARN goes in a title. Parsed from the ARN text, never trusted to be well-formed.
 */
export function principalLabel(principal: Pick<LogSummary["principal"], "arn" | "role" | "session" | "type">): {
  name: string;
  detail: string | null;
} {
  if (principal.role) return { name: principal.role, detail: principal.session };
  const arn = principal.arn;
  if (!arn) return { name: principal.type === "unknown" ? "Unknown principal" : principal.type, detail: null };
  const resource = arn.split(":").slice(5).join(":");
  if (!resource) return { name: arn, detail: null };
  const parts = resource.split("/");
  if (parts[0] === "root" || resource === "root") return { name: "root", detail: arn.split(":")[4] ?? null };
  if (parts[0] === "user" && parts.length > 1) return { name: parts.slice(1).join("/"), detail: "IAM user" };
  if (parts[0] === "assumed-role" && parts.length > 2) return { name: parts[1] ?? resource, detail: parts.slice(2).join("/") };
  return { name: resource, detail: null };
}
