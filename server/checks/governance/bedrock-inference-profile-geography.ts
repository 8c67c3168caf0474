import "server-only";
import type { Agent, InferenceProfile } from "@/server/inventory/bedrock";
import type { CheckSettings } from "../define-check";
import { defineCheck, regionArn, withParts, type FindingDraft } from "../define-check";
import { draft } from "../lib/iam-findings";
import { profileGeography, regionAllowed } from "../lib/scp-regions";

type Verdict = { problems: string[]; served: string[] };

const ANY_REGION = "any commercial region";

function regionOf(arn: string): string {
  return arn.split(":")[3] ?? "";
}

/** Where a list of model ARNs can be served, and which of those places are not allowed. */
function judgeModels(models: readonly { modelArn: string }[], s: CheckSettings): Verdict {
  // A region-less model ARN (global profiles) can be served anywhere.
  const served = [...new Set(models.map((m) => regionOf(m.modelArn) || ANY_REGION))];
  const problems: string[] = [];
  for (const m of models) {
    const profileId = m.modelArn.split(":inference-profile/")[1];
    if (profileId && profileGeography(profileId) === "global")
      problems.push(`routes through the global profile ${profileId}, which can use any commercial region`);
  }
  const outside = served.filter((r) =>
    r === ANY_REGION ? !s.approvedGeographies.includes("global") : !regionAllowed(r, s.approvedRegions, s.approvedGeographies),
  );
  if (outside.length > 0) problems.push(`can be served in ${outside.join(", ")}, outside the approved regions and geographies`);
  return { problems, served };
}

function judgeAgentModel(model: string, region: string, profiles: readonly InferenceProfile[], s: CheckSettings): Verdict {
  const known = profiles.find((p) => p.inferenceProfileArn === model || p.inferenceProfileId === model);
  if (known) return judgeModels(known.models, s);
  const id = model.startsWith("arn:") ? (model.split(":inference-profile/")[1] ?? "") : model;
  const geography = id ? profileGeography(id) : undefined;
  if (geography === "global")
    return { problems: [`uses the global profile ${id}, which can use any commercial region`], served: ["any"] };
  if (geography) {
    return s.approvedGeographies.includes(geography)
      ? { problems: [], served: [`${geography} geography`] }
      : {
          problems: [`uses the ${geography}. geographic profile, and ${geography} is not an approved geography`],
          served: [`${geography} geography`],
        };
  }
  const served = model.startsWith("arn:") ? regionOf(model) || region : region;
  return regionAllowed(served, s.approvedRegions, s.approvedGeographies)
    ? { problems: [], served: [served] }
    : { problems: [`runs its model in ${served}, outside the approved regions and geographies`], served: [served] };
}

function finding(resourceArn: string, what: string, v: Verdict, evidence: Record<string, unknown>): FindingDraft {
  if (v.problems.length > 0)
    return draft(resourceArn, "FAIL", `${what} ${v.problems.join("; ")}`, { ...evidence, servedIn: v.served });
  return draft(resourceArn, "PASS", `${what} is served only in approved places (${v.served.join(", ")})`, {
    ...evidence,
    servedIn: v.served,
  });
}

function evaluateAll(profiles: InferenceProfile[], agents: Agent[], region: string, s: CheckSettings): FindingDraft[] {
  return [
    ...profiles
      .filter((p) => p.type === "APPLICATION")
      .map((p) =>
        finding(p.inferenceProfileArn, `Application inference profile ${p.inferenceProfileName}`, judgeModels(p.models, s), {
          models: p.models,
        }),
      ),
    ...agents.flatMap((a) =>
      a.foundationModel
        ? [
            finding(
              a.agentArn,
              `Agent ${a.agentName} (model ${a.foundationModel})`,
              judgeAgentModel(a.foundationModel, region, profiles, s),
              { foundationModel: a.foundationModel },
            ),
          ]
        : [],
    ),
  ];
}

export default defineCheck({
  id: "bedrock-inference-profile-geography",
  title: "Inference profiles in use stay within approved geographies",
  severity: "medium",
  category: "Governance",
  scope: "region",
  rationale:
    "Cross-region inference sends a request to whichever region of the profile has capacity: geographic profiles (us., eu., " +
    "apac. …) stay within their geography, but global. profiles can use any commercial region. An application inference " +
    "profile or an agent whose model routes to a global profile, or to regions outside the approved regions and " +
    "geographies, can process prompts where data residency rules do not allow it.",
  remediation: {
    console: [
      "Open the Amazon Bedrock console in the region of the finding.",
      "For an application inference profile, create a new one copied from a geographic (us./eu./apac.) system profile or a single-region model, and move callers to it.",
      "For an agent, edit it and select a model or geographic inference profile of an approved geography, then prepare the agent.",
    ],
    cli: `aws bedrock create-inference-profile --region eu-west-1 --inference-profile-name app-eu \\
  --model-source copyFrom=arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0
aws bedrock-agent update-agent --region eu-west-1 --agent-id AGENT_ID --agent-name support \\
  --foundation-model eu.anthropic.claude-3-7-sonnet-20250219-v1:0 --agent-resource-role-arn arn:aws:iam::111122223333:role/AmazonBedrockExecutionRoleForAgents_support`,
    terraform: `resource "aws_bedrock_inference_profile" "app" {
  name = "app-eu"
  model_source {
    copy_from = "arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.anthropic.claude-3-7-sonnet-20250219-v1:0"
  }
}`,
  },
  references: [
    "https://docs.aws.amazon.com/bedrock/latest/userguide/cross-region-inference.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-support.html",
    "https://docs.aws.amazon.com/bedrock/latest/userguide/inference-profiles-create.html",
  ],
  evaluate: (inventory, { settings }) => {
    const arn = regionArn(inventory, "bedrock");
    return withParts(
      arn,
      { inferenceProfiles: inventory.bedrock.inferenceProfiles, agents: inventory.bedrock.agents },
      ({ inferenceProfiles, agents }) => {
        const findings = evaluateAll(inferenceProfiles, agents, inventory.region, settings);
        if (findings.length > 0) return findings;
        return [
          draft(arn, "NOT_APPLICABLE", `No application inference profile or agent model in use in ${inventory.region}`, {
            region: inventory.region,
          }),
        ];
      },
    );
  },
});
