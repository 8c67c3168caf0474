import "server-only";
import { z } from "zod";
import { LOG_POLICY_TYPES, LOG_PRINCIPAL_TYPES } from "@/lib/constants/log-fields";

// Every field except `schemaType` is optional and key order is free (bedrock-formats.md 1.2);
// loose objects keep unknown members so a new AWS field never fails a record.
const optString = z.string().nullish();
const optCount = z.number().nonnegative().nullish();

/** The envelope of one model-invocation log record; bodies stay `unknown` and are read defensively. */
export const rawRecordSchema = z.looseObject({
  schemaType: z.literal("ModelInvocationLog"),
  schemaVersion: optString,
  timestamp: optString,
  accountId: optString,
  region: optString,
  inferenceRegion: optString,
  requestId: optString,
  operation: optString,
  modelId: optString,
  identity: z.looseObject({ arn: optString }).nullish(),
  // Values are checked one by one in normalize.ts: a non-string tag should not quarantine the record.
  requestMetadata: z.record(z.string(), z.unknown()).nullish(),
  errorCode: optString,
  // Not in the AWS field table; read when present (bedrock-formats.md 1.2 lists errorCode only).
  errorMessage: optString,
  input: z
    .looseObject({
      inputContentType: optString,
      inputBodyJson: z.unknown().optional(),
      inputBodyS3Path: optString,
      inputTokenCount: optCount,
      cacheReadInputTokenCount: optCount,
      cacheWriteInputTokenCount: optCount,
    })
    .nullish(),
  output: z
    .looseObject({
      outputContentType: optString,
      outputBodyJson: z.unknown().optional(),
      outputBodyS3Path: optString,
      outputTokenCount: optCount,
    })
    .nullish(),
});
export type RawRecord = z.infer<typeof rawRecordSchema>;

export const PRINCIPAL_TYPES = LOG_PRINCIPAL_TYPES;
export type PrincipalType = (typeof PRINCIPAL_TYPES)[number];

export type Principal = {
  arn: string | null;
  type: PrincipalType;
  /** Role name for assumed roles (and role ARNs). */
  role: string | null;
  /** Session name for assumed roles, user name for federated users. */
  session: string | null;
  /** IAM user name (last path segment) for IAM users. */
  user: string | null;
  account: string | null;
};

export const GUARDRAIL_POLICY_TYPES = LOG_POLICY_TYPES;
export type GuardrailPolicyType = (typeof GUARDRAIL_POLICY_TYPES)[number];

/** Which record signal decided `action`. */
export const GUARDRAIL_SOURCES = ["stopReason", "guardrailAction", "streamChunk", "actionReason", "trace"] as const;
export type GuardrailSource = (typeof GUARDRAIL_SOURCES)[number];

export type Guardrail = {
  /** null: the record carries no guardrail signal at all (no guardrail, or not traced). */
  action: "INTERVENED" | "NONE" | null;
  source: GuardrailSource | null;
  /** Policy types with a blocking/anonymising or detected finding, in GUARDRAIL_POLICY_TYPES order. */
  policyTypes: GuardrailPolicyType[];
  /** Where those findings were: the prompt, the model output, or both; null when none. */
  side: "input" | "output" | "both" | null;
  /**
   * The guardrail applied (Bedrock applies one per request): the trace's first assessment key, input
   * side first, else the request's `guardrailConfig.guardrailIdentifier`; null when neither names one.
   */
  id: string | null;
};

export type Tokens = { input: number; output: number; cacheRead: number; cacheWrite: number };

/** A record in the shape the stores index; text fields are bounded (MAX_TEXT_CHARS). */
export type InvocationRecord = {
  id: string;
  /** ISO-8601 UTC with milliseconds. */
  timestamp: string;
  accountId: string | null;
  region: string | null;
  inferenceRegion: string | null;
  crossRegion: boolean;
  modelId: string | null;
  operation: string | null;
  principal: Principal;
  error: { code: string; message: string | null } | null;
  latencyMs: number | null;
  tokens: Tokens;
  guardrail: Guardrail;
  requestMetadata: Record<string, string>;
  promptText: string;
  responseText: string;
  bodyS3Paths: { input: string | null; output: string | null };
  /** UTF-8 size of each logged JSON body; 0 when absent or offloaded. */
  bytes: { input: number; output: number };
  /** The logged bodies as they were, for the detail view; null when absent or offloaded. */
  inputBody: unknown;
  outputBody: unknown;
};

/** Upper bound on promptText / responseText; the full bodies stay in inputBody / outputBody. */
export const MAX_TEXT_CHARS = 32_768;
