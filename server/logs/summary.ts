import "server-only";
import type { LogSummary } from "@/lib/schemas/logs";
import type { InvocationRecord } from "./record";

/** A record without its bodies: what a results table, an export row and a CloudWatch page carry. */
export function toSummary(r: InvocationRecord): LogSummary {
  return {
    id: r.id,
    timestamp: r.timestamp,
    accountId: r.accountId,
    region: r.region,
    inferenceRegion: r.inferenceRegion,
    crossRegion: r.crossRegion,
    modelId: r.modelId,
    operation: r.operation,
    principal: { arn: r.principal.arn, type: r.principal.type, role: r.principal.role, session: r.principal.session },
    errorCode: r.error?.code ?? null,
    guardrailAction: r.guardrail.action,
    guardrailPolicyTypes: r.guardrail.policyTypes,
    guardrailId: r.guardrail.id,
    guardrailSide: r.guardrail.side,
    latencyMs: r.latencyMs,
    tokens: r.tokens,
    requestMetadata: r.requestMetadata,
  };
}
