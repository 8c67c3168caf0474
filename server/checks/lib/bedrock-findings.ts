import "server-only";
import type { Status } from "@/lib/schemas/finding";
import type { FindingDraft } from "../define-check";

export function finding(resourceArn: string, status: Status, message: string, evidence: unknown): FindingDraft {
  return { resourceArn, status, message, evidence };
}

/**
 * One finding per resource, or a single NOT_APPLICABLE finding when there is nothing to
 * evaluate: a feature not in use must not look like a pass or a failure.
 */
export function perResource<T>(
  items: readonly T[],
  none: { resourceArn: string; message: string },
  evaluate: (item: T) => FindingDraft,
): FindingDraft[] {
  if (items.length === 0) return [finding(none.resourceArn, "NOT_APPLICABLE", none.message, { count: 0 })];
  return items.map(evaluate);
}

/** "a, b and c" for messages a person reads. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1] ?? ""}`;
}

/** Custom and imported models share one rule: the weights are encrypted with a customer managed key. */
export function modelCmkFinding(
  kind: "Custom model" | "Imported model",
  model: { modelArn: string; modelName: string; modelKmsKeyArn?: string | undefined },
): FindingDraft {
  const evidence = { model: model.modelName, modelKmsKeyArn: model.modelKmsKeyArn ?? null };
  return model.modelKmsKeyArn
    ? finding(model.modelArn, "PASS", `${kind} ${model.modelName} is encrypted with KMS key ${model.modelKmsKeyArn}`, evidence)
    : finding(
        model.modelArn,
        "FAIL",
        `${kind} ${model.modelName} is encrypted with an AWS owned key, not a customer managed key`,
        evidence,
      );
}
