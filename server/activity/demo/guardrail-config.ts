import "server-only";

type Strength = "NONE" | "LOW" | "MEDIUM" | "HIGH";

/** CreateGuardrail/UpdateGuardrail requestParameters as CloudTrail records them (name and messages redacted). */
export function guardrailRequest(
  identifier: string | null,
  filters: Record<string, Strength>,
  promptAttack: Strength,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    ...(identifier === null ? {} : { guardrailIdentifier: identifier }),
    name: "HIDDEN_DUE_TO_SECURITY_REASONS",
    contentPolicyConfig: {
      filtersConfig: [
        ...Object.entries(filters).map(([type, strength]) => ({ type, inputStrength: strength, outputStrength: strength })),
        // Prompt attacks are judged on input only; AWS requires NONE for output.
        { type: "PROMPT_ATTACK", inputStrength: promptAttack, outputStrength: "NONE" },
      ],
    },
    blockedInputMessaging: "HIDDEN_DUE_TO_SECURITY_REASONS",
    blockedOutputsMessaging: "HIDDEN_DUE_TO_SECURITY_REASONS",
    ...extra,
  };
}

export const ALL_HARMS = ["HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT"] as const;

export const uniform = (harms: readonly string[], strength: Strength): Record<string, Strength> =>
  Object.fromEntries(harms.map((h) => [h, strength]));

/** PutModelInvocationLoggingConfiguration requestParameters (the shape of the API's own request). */
export function loggingRequest(logGroupName: string, roleArn: string, text: boolean, bucket?: string): Record<string, unknown> {
  return {
    loggingConfig: {
      cloudWatchConfig: {
        logGroupName,
        roleArn,
        ...(bucket ? { largeDataDeliveryS3Config: { bucketName: bucket, keyPrefix: "large-payloads" } } : {}),
      },
      ...(bucket ? { s3Config: { bucketName: bucket, keyPrefix: "invocations" } } : {}),
      textDataDeliveryEnabled: text,
      imageDataDeliveryEnabled: true,
      embeddingDataDeliveryEnabled: false,
    },
  };
}
