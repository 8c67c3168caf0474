import { z } from "zod";
import { LOG_POLICY_TYPES, logSummarySchema } from "./logs";

/** One policy entry of a guardrail trace; `match` is the text that matched, null while bodies are redacted. */
export const guardrailFindingSchema = z.object({
  side: z.enum(["input", "output"]),
  policyType: z.enum(LOG_POLICY_TYPES),
  /** What matched: a content filter type ("VIOLENCE"), topic name, PII entity type ("EMAIL"), word, regex name… */
  name: z.string(),
  /** As logged: BLOCKED, ANONYMIZED, NONE, or null when the entry carries no action. */
  action: z.string().nullable(),
  detected: z.boolean().nullable(),
  /** This entry acted (or, in detect-only mode, detected): the UI highlights it. */
  fired: z.boolean(),
  confidence: z.string().nullable(),
  strength: z.string().nullable(),
  /** Grounding score and threshold. */
  score: z.number().nullable(),
  threshold: z.number().nullable(),
  match: z.string().nullable(),
});
export type GuardrailFinding = z.infer<typeof guardrailFindingSchema>;

const revealedBodiesSchema = z.object({
  redacted: z.literal(false),
  promptText: z.string(),
  responseText: z.string(),
  /** The logged bodies as they were (JSON); null when absent or offloaded to S3. */
  input: z.unknown(),
  output: z.unknown(),
});
const redactedBodiesSchema = z.object({
  redacted: z.literal(true),
  /** Why, in words: e.g. "Bodies are redacted. Reveal them with a justification; the reveal is audited." */
  reason: z.string(),
});

/** One record for the detail drawer. Bodies are redacted unless this response is a reveal. */
export const logDetailSchema = logSummarySchema.extend({
  errorMessage: z.string().nullable(),
  guardrail: z.object({
    action: z.enum(["INTERVENED", "NONE"]).nullable(),
    source: z.string().nullable(),
    policyTypes: z.array(z.enum(LOG_POLICY_TYPES)),
    side: z.enum(["input", "output", "both"]).nullable(),
    findings: z.array(guardrailFindingSchema),
  }),
  bodyS3Paths: z.object({ input: z.string().nullable(), output: z.string().nullable() }),
  bytes: z.object({ input: z.number(), output: z.number() }),
  bodies: z.discriminatedUnion("redacted", [revealedBodiesSchema, redactedBodiesSchema]),
  /** The caller holds logs:reveal. */
  canReveal: z.boolean(),
});
export type LogDetail = z.infer<typeof logDetailSchema>;

export const revealRequestSchema = z.object({
  justification: z
    .string()
    .trim()
    .min(10, "Say why you need to see this record (at least 10 characters).")
    .max(500, "Keep the justification under 500 characters."),
});

/** A saved explorer view: `query` is the /logs URL search string (without "?"). */
export const savedViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  query: z.string(),
  shared: z.boolean(),
  owner: z.string(),
  ownerName: z.string(),
  createdAt: z.string(),
  /** The caller may delete it: the owner, or an admin for shared views. */
  canDelete: z.boolean(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

export const createViewSchema = z.object({
  name: z.string().trim().min(1, "Name the view.").max(80, "Keep the name under 80 characters."),
  query: z.string().max(4_000, "That view is too long to save."),
  shared: z.boolean().default(false),
});

/** What /logs shows above the results: which engine answers, and the demo seed's progress. */
export const logsStatusSchema = z.object({
  store: z.enum(["embedded", "cloudwatch"]),
  seeding: z.object({ inserted: z.number(), total: z.number() }).nullable(),
});
export type LogsStatus = z.infer<typeof logsStatusSchema>;
