import "server-only";
import type { LogSummary } from "@/lib/schemas/logs";
import type { PrincipalType } from "../record";
import { policyTypesOf, sideOf } from "./sqlite-filter";

/** The `invocations` columns a results page reads. */
export type SummaryRow = {
  seq: number;
  id: string;
  ts: number;
  account_id: string | null;
  region: string | null;
  inference_region: string | null;
  cross_region: number;
  model_id: string | null;
  operation: string | null;
  principal_arn: string | null;
  principal_type: PrincipalType;
  principal_role: string | null;
  principal_session: string | null;
  error_code: string | null;
  guardrail_action: "INTERVENED" | "NONE" | null;
  guardrail_policy_mask: number;
  guardrail_id: string | null;
  guardrail_side_mask: number;
  latency_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  cache_read_tokens: number;
  cache_write_tokens: number;
  request_metadata: string;
};

export const SUMMARY_COLUMNS = `seq, id, ts, account_id, region, inference_region, cross_region, model_id, operation,
  principal_arn, principal_type, principal_role, principal_session, error_code, guardrail_action,
  guardrail_policy_mask, guardrail_id, guardrail_side_mask, latency_ms, input_tokens, output_tokens, cache_read_tokens,
  cache_write_tokens, request_metadata`;

export function toSummary(row: SummaryRow): LogSummary {
  return {
    id: row.id,
    timestamp: new Date(row.ts).toISOString(),
    accountId: row.account_id,
    region: row.region,
    inferenceRegion: row.inference_region,
    crossRegion: row.cross_region === 1,
    modelId: row.model_id,
    operation: row.operation,
    principal: { arn: row.principal_arn, type: row.principal_type, role: row.principal_role, session: row.principal_session },
    errorCode: row.error_code,
    guardrailAction: row.guardrail_action,
    guardrailPolicyTypes: policyTypesOf(row.guardrail_policy_mask),
    guardrailId: row.guardrail_id,
    guardrailSide: sideOf(row.guardrail_side_mask),
    latencyMs: row.latency_ms,
    tokens: {
      input: row.input_tokens,
      output: row.output_tokens,
      cacheRead: row.cache_read_tokens,
      cacheWrite: row.cache_write_tokens,
    },
    requestMetadata: JSON.parse(row.request_metadata) as Record<string, string>,
  };
}
