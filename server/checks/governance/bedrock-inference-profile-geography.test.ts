import { describe, expect, it } from "vitest";
import type { Agent, InferenceProfile } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./bedrock-inference-profile-geography";

const MODEL = "anthropic.claude-3-7-sonnet-20250219-v1:0";
const fm = (region: string) => ({ modelArn: `arn:aws:bedrock:${region}::foundation-model/${MODEL}` });
const appProfile = (name: string, models: { modelArn: string }[]): InferenceProfile => ({
  inferenceProfileId: name,
  inferenceProfileArn: `arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/${name}`,
  inferenceProfileName: name,
  type: "APPLICATION",
  status: "ACTIVE",
  models,
});
const agent = (name: string, foundationModel: string): Agent => ({
  agentId: name,
  agentArn: `arn:aws:bedrock:us-east-1:111122223333:agent/${name}`,
  agentName: name,
  agentStatus: "PREPARED",
  agentResourceRoleArn: "arn:aws:iam::111122223333:role/agent",
  foundationModel,
  idleSessionTTLInSeconds: 600,
  aliases: [],
});

describe("bedrock-inference-profile-geography", () => {
  it("passes an application profile copied from a US profile (us-west-1 is in the approved us geography)", () => {
    const inv = inventoryWith(
      (i) => void (i.bedrock.inferenceProfiles = ok([appProfile("chat", [fm("us-east-1"), fm("us-west-1"), fm("us-west-2")])])),
    );
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe(
      "Application inference profile chat is served only in approved places (us-east-1, us-west-1, us-west-2)",
    );
  });

  it("fails a profile that can be served in ap-northeast-1, and an agent on a global profile", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.inferenceProfiles = ok([appProfile("wide", [fm("us-east-1"), fm("ap-northeast-1")])]);
      i.bedrock.agents = ok([agent("support", `global.${MODEL}`)]);
    });
    const [profile, support] = check.evaluate(inv, context);
    expect(profile?.status).toBe("FAIL");
    expect(profile?.message).toBe(
      "Application inference profile wide can be served in ap-northeast-1, outside the approved regions and geographies",
    );
    expect(support?.status).toBe("FAIL");
    expect(support?.message).toContain(`uses the global profile global.${MODEL}`);
  });

  it("judges an agent on a geographic profile by its prefix, and one on an in-region model by the region", () => {
    const inv = inventoryWith(
      (i) => void (i.bedrock.agents = ok([agent("eu", `eu.${MODEL}`), agent("apac", `apac.${MODEL}`), agent("local", MODEL)])),
    );
    const [eu, apac, local] = check.evaluate(inv, context);
    expect(eu?.status).toBe("PASS");
    expect(apac?.status).toBe("FAIL");
    expect(apac?.message).toContain("apac is not an approved geography");
    expect(local?.status).toBe("PASS");
  });

  it("is not applicable without application profiles or agent models", () => {
    const [f] = check.evaluate(
      inventoryWith(() => {}),
      context,
    );
    expect(f?.status).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when inference profiles could not be listed", () => {
    const [f] = check.evaluate(
      inventoryWith((i) => void (i.bedrock.inferenceProfiles = denied("bedrock:ListInferenceProfiles"))),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:ListInferenceProfiles");
  });
});
