import { z } from "zod";
import { severitySchema, statusSchema } from "./finding";

const ACCOUNT_ID = /^\d{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Comma-separated values of one query parameter, each checked; absent or empty means "all". */
const listOf = (pattern: RegExp, message: string) =>
  z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(pattern, message)));

/** `account=111122223333,444455556666` and `region=us-east-1,eu-west-1` as used by the guardrail APIs. */
export const accountListSchema = listOf(ACCOUNT_ID, "An account id is 12 digits.");
export const regionListSchema = listOf(REGION, "A region looks like us-east-1.");

export const guardrailInventoryQuerySchema = z.object({ account: accountListSchema, region: regionListSchema });
export type GuardrailInventoryQuery = z.infer<typeof guardrailInventoryQuerySchema>;

const filterStrengthSchema = z.enum(["NONE", "LOW", "MEDIUM", "HIGH"]);
export type FilterStrength = z.infer<typeof filterStrengthSchema>;

/** One side (input or output) of a filter; `enabled: false` means AWS evaluates nothing on that side. */
const sideSchema = z.object({ strength: filterStrengthSchema, action: z.string().nullable(), enabled: z.boolean() });

const piiSideSchema = z.object({ action: z.string(), enabled: z.boolean() });

const guardrailVersionViewSchema = z.object({
  /** "DRAFT" or "1", "2", … */
  version: z.string(),
  status: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The version the checks evaluate: the highest numbered one, else the DRAFT. */
  evaluated: z.boolean(),
  /** Referenced by an agent, a flow node or an enforced configuration of this account × region. */
  inUse: z.boolean(),
  contentFilters: z.array(z.object({ category: z.string(), input: sideSchema, output: sideSchema })),
  /** Null when the content policy has no PROMPT_ATTACK filter. Prompt attacks are judged on input only. */
  promptAttack: z.object({ input: sideSchema }).nullable(),
  contentTier: z.string().nullable(),
  topics: z.array(z.object({ name: z.string(), inputAction: z.string().nullable(), outputAction: z.string().nullable() })),
  topicTier: z.string().nullable(),
  words: z.object({ customCount: z.number(), managedLists: z.array(z.string()) }),
  piiEntities: z.array(z.object({ type: z.string(), input: piiSideSchema, output: piiSideSchema })),
  regexes: z.array(z.object({ name: z.string(), pattern: z.string(), input: piiSideSchema, output: piiSideSchema })),
  grounding: z.object({ grounding: z.number().nullable(), relevance: z.number().nullable() }),
  automatedReasoning: z.object({ policies: z.array(z.string()), confidenceThreshold: z.number().nullable() }).nullable(),
  /** The customer managed key's ARN; null means the AWS owned key. */
  kmsKeyArn: z.string().nullable(),
  crossRegionProfileArn: z.string().nullable(),
});
export type GuardrailVersionView = z.infer<typeof guardrailVersionViewSchema>;

const guardrailUsageSchema = z.object({
  kind: z.enum(["agent", "flow", "enforced"]),
  /** Agent name, "flow name › node name", or the enforced configuration's id. */
  name: z.string(),
  arn: z.string().nullable(),
  /** The guardrail version referenced ("DRAFT", "1", …). */
  version: z.string().nullable(),
  /** Enforced configurations: model scope (included / excluded models) and input tag handling. */
  detail: z.string().nullable(),
});
export type GuardrailUsage = z.infer<typeof guardrailUsageSchema>;

/** A non-PASS finding of the latest scan on this guardrail: the checks' verdict, not recomputed here. */
const weakSettingSchema = z.object({
  checkId: z.string(),
  checkTitle: z.string(),
  severity: severitySchema,
  status: statusSchema,
  message: z.string(),
  resourceArn: z.string(),
});
export type WeakSetting = z.infer<typeof weakSettingSchema>;

const guardrailViewSchema = z.object({
  id: z.string(),
  arn: z.string(),
  name: z.string(),
  status: z.string(),
  /** DRAFT first, then numbered versions, newest first. */
  versions: z.array(guardrailVersionViewSchema),
  usedBy: z.array(guardrailUsageSchema),
  weakSettings: z.array(weakSettingSchema),
});
export type GuardrailView = z.infer<typeof guardrailViewSchema>;

/** A part of the inventory that could not be read, with the reason (and the IAM action when denied). */
const unavailablePartSchema = z.object({
  part: z.string(),
  reason: z.string(),
  action: z.string().nullable(),
  notInRegion: z.boolean(),
});
export type UnavailablePart = z.infer<typeof unavailablePartSchema>;

const guardrailRegionSchema = z.object({
  accountId: z.string(),
  accountName: z.string(),
  region: z.string(),
  /** Null when the guardrail list itself was unavailable: see `unavailable`, never "no guardrails". */
  guardrails: z.array(guardrailViewSchema).nullable(),
  unavailable: z.array(unavailablePartSchema),
});
export type GuardrailRegion = z.infer<typeof guardrailRegionSchema>;

export const guardrailInventoryResponseSchema = z.object({
  scan: z.object({ id: z.string(), finishedAt: z.string().nullable() }).nullable(),
  regions: z.array(guardrailRegionSchema),
  /** Set when there is nothing to show, saying why (no completed scan yet). */
  emptyMessage: z.string().nullable(),
});
export type GuardrailInventoryResponse = z.infer<typeof guardrailInventoryResponseSchema>;
