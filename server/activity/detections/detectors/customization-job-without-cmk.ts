import "server-only";
import type { Detection } from "@/lib/schemas/activity";
import { defineDetector, makeDetection, member, record, succeeded, text, where, who } from "../detector";

/**
 * A model customization job started without customModelKmsKeyId: the resulting custom model (the
 * customer's training data baked into weights) is encrypted with an AWS owned key the customer
 * cannot audit, restrict or revoke. A request CloudTrail did not record (not an object, or no
 * jobName) is skipped rather than guessed about.
 */
const detector = defineDetector({
  id: "customization-job-without-cmk",
  title: "Model customization job without a customer managed key",
  severity: "medium",
  description: "CreateModelCustomizationJob whose request has no customModelKmsKeyId.",
  checkId: "bedrock-custom-model-kms-cmk",
  detect(events) {
    const out: Detection[] = [];
    for (const e of events) {
      if (e.source !== "bedrock.amazonaws.com" || e.name !== "CreateModelCustomizationJob" || !succeeded(e)) continue;
      const rp = record(e.requestParameters);
      if (!rp || member(rp, "jobName") === undefined) continue;
      if (text(member(rp, "customModelKmsKeyId"))) continue;
      const job = text(member(rp, "jobName")) ?? "a job";
      const model = text(member(rp, "customModelName"));
      out.push(
        makeDetection(detector, {
          severity: "medium",
          title: `Customization job ${job} without a customer managed key`,
          explanation: `${who(e)} started model customization job ${job}${model ? ` (custom model ${model})` : ""} in ${where(e)} without a customer managed KMS key. The custom model carries what it was trained on, yet it is encrypted with an AWS owned key: you cannot restrict who decrypts it, audit its use in CloudTrail, or revoke it by disabling the key.`,
          checkId: "bedrock-custom-model-kms-cmk",
          events: [e],
        }),
      );
    }
    return out;
  },
});

export default detector;
