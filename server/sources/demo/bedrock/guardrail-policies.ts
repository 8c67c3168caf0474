import "server-only";
import type { GuardrailVersion } from "@/server/inventory/bedrock";

/** A guardrail version's configuration without its version, status and timestamps. */
export type GuardrailBody = Omit<GuardrailVersion, "version" | "status" | "createdAt" | "updatedAt">;

type Strength = "NONE" | "LOW" | "MEDIUM" | "HIGH";
type HarmType = "SEXUAL" | "VIOLENCE" | "HATE" | "INSULTS" | "MISCONDUCT";

const HARMS: readonly HarmType[] = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"];

export function contentPolicy(opts: {
  strength: Strength;
  promptAttack: Strength | null;
  harms?: readonly HarmType[];
  tier?: "CLASSIC" | "STANDARD";
}): NonNullable<GuardrailBody["contentPolicy"]> {
  const filters: NonNullable<NonNullable<GuardrailBody["contentPolicy"]>["filters"]> = (opts.harms ?? HARMS).map((type) => ({
    type,
    inputStrength: opts.strength,
    outputStrength: opts.strength,
    inputAction: "BLOCK",
    outputAction: "BLOCK",
    inputEnabled: true,
    outputEnabled: true,
  }));
  // Prompt attacks are only evaluated on input; AWS requires outputStrength NONE for this filter.
  if (opts.promptAttack) {
    filters.push({
      type: "PROMPT_ATTACK",
      inputStrength: opts.promptAttack,
      outputStrength: "NONE",
      inputAction: "BLOCK",
      inputEnabled: true,
    });
  }
  return opts.tier ? { filters, tier: { tierName: opts.tier } } : { filters };
}

export const CLINICAL_TOPICS: NonNullable<GuardrailBody["topicPolicy"]>["topics"] = [
  {
    name: "Unsupervised-dosing",
    definition: "Specific medication doses or dose changes for a named patient that have not been reviewed by a clinician.",
    examples: ["How many mg of warfarin should I give Mr. Alvarez tonight?", "Can I double my insulin dose?"],
    type: "DENY",
    inputAction: "BLOCK",
    outputAction: "BLOCK",
    inputEnabled: true,
    outputEnabled: true,
  },
  {
    name: "Legal-advice",
    definition: "Advice on malpractice claims, litigation strategy or how to respond to a subpoena.",
    examples: ["Should we settle the malpractice claim?"],
    type: "DENY",
    inputAction: "BLOCK",
    outputAction: "BLOCK",
  },
  {
    name: "Billing-code-manipulation",
    definition: "Choosing diagnosis or procedure codes to raise reimbursement rather than to describe the care given.",
    examples: ["Which CPT code pays more for this visit?"],
    type: "DENY",
  },
];

export const WORDS: NonNullable<GuardrailBody["wordPolicy"]> = {
  words: [{ text: "project-aurora", inputAction: "BLOCK", outputAction: "BLOCK" }, { text: "halcyon-internal-only" }],
  managedWordLists: [{ type: "PROFANITY", inputAction: "BLOCK", outputAction: "BLOCK" }],
};

type PiiAction = "BLOCK" | "ANONYMIZE" | "NONE";

/** PHI handling: identifiers are masked, secrets and payment data blocked (or all NONE = detect only). */
export function phiPolicy(detectOnly = false): NonNullable<GuardrailBody["sensitiveInformationPolicy"]> {
  const act = (a: PiiAction): PiiAction => (detectOnly ? "NONE" : a);
  return {
    piiEntities: [
      { type: "US_SOCIAL_SECURITY_NUMBER", action: act("BLOCK") },
      { type: "CREDIT_DEBIT_CARD_NUMBER", action: act("BLOCK") },
      { type: "AWS_ACCESS_KEY", action: act("BLOCK") },
      { type: "AWS_SECRET_KEY", action: act("BLOCK") },
      { type: "NAME", action: act("ANONYMIZE"), inputAction: act("ANONYMIZE"), outputAction: act("ANONYMIZE") },
      { type: "EMAIL", action: act("ANONYMIZE") },
      { type: "PHONE", action: act("ANONYMIZE") },
      { type: "ADDRESS", action: act("ANONYMIZE") },
      { type: "US_PASSPORT_NUMBER", action: act("BLOCK") },
    ],
    regexes: [
      { name: "medical-record-number", pattern: "\\bMRN-?[0-9]{8}\\b", action: act("ANONYMIZE") },
      { name: "member-id", pattern: "\\bHCM[0-9]{9}\\b", action: act("ANONYMIZE") },
    ],
  };
}

export function grounding(
  groundingThreshold: number,
  relevanceThreshold: number | null,
): NonNullable<GuardrailBody["contextualGroundingPolicy"]> {
  const filters: NonNullable<GuardrailBody["contextualGroundingPolicy"]>["filters"] = [
    { type: "GROUNDING", threshold: groundingThreshold, action: "BLOCK", enabled: true },
  ];
  if (relevanceThreshold !== null)
    filters.push({ type: "RELEVANCE", threshold: relevanceThreshold, action: "BLOCK", enabled: true });
  return { filters };
}

/** STANDARD tier needs a guardrail profile for cross-region evaluation within the geography. */
export function crossRegion(
  accountId: string,
  region: string,
  geography: "us" | "eu",
): NonNullable<GuardrailBody["crossRegionDetails"]> {
  const id = `${geography}.guardrail.v1:0`;
  return { guardrailProfileId: id, guardrailProfileArn: `arn:aws:bedrock:${region}:${accountId}:guardrail-profile/${id}` };
}
