import "server-only";
import type { LOG_POLICY_TYPES } from "@/lib/schemas/logs";

/*
 * Guardrail signals as Insights predicates over the raw record (`@message`), approximating
 * server/logs/guardrail.ts. They read @message rather than extracted fields because Insights
 * extracts at most 200 fields per JSON event (bedrock-formats.md 7.2) and stream-chunk arrays put
 * the guardrail keys at an unknown index. Every regex anchors on a quoted JSON key: inside a
 * logged prompt or model output, quotes are JSON-escaped (`\"stopReason\"`), so text that merely
 * mentions a key never matches. These are constants; no user input is ever placed in them.
 * The patterns use only syntax JS and Insights' regex engines share, so signals.test.ts can run
 * them against the normaliser's own fixtures.
 */

const key = (name: string) => `"${name}"\\s*:\\s*`;

/** An assessment entry that acted (BLOCKED / ANONYMIZED) or, in detect-only mode, detected (guardrail.ts `fired`). */
const FIRED = `(${key("action")}"(BLOCKED|ANONYMIZED)"|${key("detected")}true)`;

/** An entry of a JSON array that fired; `[^\]]*` keeps the match inside the array (entries hold no arrays). */
const firedIn = (arrays: string) => [`"(${arrays})"\\s*:\\s*\\[[^\\]]*${FIRED}`];
/** A flat entry object with `type` in `types` that fired, whichever key comes first. */
const firedOfType = (types: string) => [
  `\\{[^{}]*${key("type")}"(${types})"[^{}]*${FIRED}`,
  `\\{[^{}]*${FIRED}[^{}]*${key("type")}"(${types})"`,
];

/** Regexes over the raw record; a record has the signal when any of its regexes matches. */
export const PATTERNS = {
  /** The normaliser's INTERVENED: stopReason, the InvokeModel/stream action key, or Panther's actionReason rule. */
  intervened: [
    `${key("stopReason")}"guardrail_intervened"`,
    `${key("amazon-bedrock-guardrailAction")}"INTERVENED"`,
    `${key("actionReason")}"Guardrail blocked`,
  ],
  /** An explicit NONE action or a guardrail trace: NONE unless one of `intervened` matches too. */
  traced: [
    `${key("amazon-bedrock-guardrailAction")}"NONE"`,
    `${key("amazon-bedrock-trace")}\\{\\s*${key("guardrail")}\\{`,
    `${key("trace")}\\{\\s*${key("guardrail")}\\{`,
  ],
  /**
   * Per policy type, "this type fired". Approximations, documented in the README: content,
   * prompt-attack and grounding entries are recognised by their `type` values; word, PII and topic
   * entries by their array's key; automated reasoning by the kind of its first finding.
   */
  policy: {
    content: firedOfType("INSULTS|HATE|SEXUAL|VIOLENCE|MISCONDUCT"),
    promptAttack: firedOfType("PROMPT_ATTACK"),
    topic: firedIn("topics"),
    word: firedIn("customWords|managedWordLists"),
    pii: firedIn("piiEntities|regexes"),
    grounding: firedOfType("GROUNDING|RELEVANCE"),
    automatedReasoning: [`${key("findings")}\\[\\s*\\{\\s*"(invalid|impossible|satisfiable)"\\s*:`],
  } satisfies Record<(typeof LOG_POLICY_TYPES)[number], string[]>,
};

/**
 * Where the normaliser finds the guardrail id (guardrail.ts `guardrailIdOf`), as `parse` regexes with
 * one named group each: the first key of an assessment container (`{id: {…}}`, `{id: [...]}` or
 * `[{id: {…}}]`), else a Converse request's `guardrailConfig.guardrailIdentifier` (bare id or ARN).
 * Approximation, in the README: the container keys are matched wherever they occur in the record,
 * and `parse` takes the first match in the text rather than the input side first.
 */
export const GUARDRAIL_ID_PATTERNS = {
  traced: String.raw`"(?:inputAssessment|input|outputAssessments|outputs)"\s*:\s*\[?\s*\{\s*"(?<strataGuardrailTraced>[a-z0-9]{1,64})"\s*:\s*[\[{]`,
  named: String.raw`"guardrailIdentifier"\s*:\s*"(?:arn:aws[a-z-]*:bedrock:[a-z0-9-]*:\d{12}:guardrail\/)?(?<strataGuardrailNamed>[a-z0-9]{1,64})"`,
} as const;
/** The fields the two parses fill; the traced id wins when both are present, as in the normaliser. */
export const GUARDRAIL_ID_FIELDS = { traced: "strataGuardrailTraced", named: "strataGuardrailNamed" } as const;
export const GUARDRAIL_ID_PARSE = [
  `parse @message /${GUARDRAIL_ID_PATTERNS.traced}/`,
  `parse @message /${GUARDRAIL_ID_PATTERNS.named}/`,
];

const anyOf = (patterns: string[]) => patterns.map((p) => `@message like /${p}/`).join(" or ");

export const INTERVENED = anyOf(PATTERNS.intervened);
export const NOT_INTERVENED_BUT_TRACED = `not (${INTERVENED}) and (${anyOf(PATTERNS.traced)})`;
export const POLICY_FIRED = Object.fromEntries(
  Object.entries(PATTERNS.policy).map(([type, patterns]) => [type, anyOf(patterns)]),
) as Record<(typeof LOG_POLICY_TYPES)[number], string>;
