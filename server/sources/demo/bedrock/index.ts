import "server-only";
import { ok, unavailable } from "@/server/inventory/part";
import type { DemoContext } from "../accounts";
import { agentsFor } from "./agents";
import { systemProfiles } from "./catalog";
import { enforcedGuardrailsFor, guardrailsFor } from "./guardrails";
import { knowledgeBasesFor } from "./knowledge-bases";
import { loggingConfigFor } from "./logging";
import { applicationProfilesFor, batchJobsFor, customModelsFor, customizationJobsFor, importedModelsFor } from "./models";
import { flowsFor, promptsFor } from "./prompts-flows";

/** The sandbox's Strata role predates ListEnforcedGuardrailsConfiguration (see iam/shared-policies). */
const SANDBOX_ENFORCED_DENIED = {
  action: "bedrock:ListEnforcedGuardrailsConfiguration",
  reason: (accountId: string) =>
    `AccessDeniedException: User: arn:aws:sts::${accountId}:assumed-role/StrataReadOnlyAudit/strata-scan is not authorized to perform: bedrock:ListEnforcedGuardrailsConfiguration because no identity-based policy allows the bedrock:ListEnforcedGuardrailsConfiguration action`,
};

/** The raw `bedrock` section of one account × region inventory. */
export function bedrockFor(ctx: DemoContext) {
  return {
    loggingConfig: ok(loggingConfigFor(ctx)),
    guardrails: ok(guardrailsFor(ctx)),
    enforcedGuardrails:
      ctx.account.key === "sandbox"
        ? unavailable(SANDBOX_ENFORCED_DENIED.reason(ctx.account.id), SANDBOX_ENFORCED_DENIED.action)
        : ok(enforcedGuardrailsFor(ctx)),
    agents: ok(agentsFor(ctx)),
    knowledgeBases: ok(knowledgeBasesFor(ctx)),
    customModels: ok(customModelsFor(ctx)),
    importedModels: ok(importedModelsFor(ctx)),
    prompts: ok(promptsFor(ctx)),
    flows: ok(flowsFor(ctx)),
    inferenceProfiles: ok([...systemProfiles(ctx.account.id, ctx.region), ...applicationProfilesFor(ctx)]),
    customizationJobs: ok(customizationJobsFor(ctx)),
    batchJobs: ok(batchJobsFor(ctx)),
  };
}
