import { describe, expect, it } from "vitest";
import type { Agent } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { endpoint, vpc } from "../lib/network-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./vpc-bedrock-agent-runtime-endpoint";

const agent: Agent = {
  agentId: "A1",
  agentArn: "arn:aws:bedrock:us-east-1:111122223333:agent/A1",
  agentName: "support",
  agentStatus: "PREPARED",
  agentResourceRoleArn: "arn:aws:iam::111122223333:role/agent",
  idleSessionTTLInSeconds: 600,
  aliases: [],
};

describe("vpc-bedrock-agent-runtime-endpoint", () => {
  it("passes a VPC with an agent-runtime endpoint and fails one without, when agents exist", () => {
    const inv = inventoryWith((i) => {
      i.bedrock.agents = ok([agent]);
      i.ec2.vpcs = ok([vpc("vpc-1"), vpc("vpc-2")]);
      i.ec2.vpcEndpoints = ok([
        endpoint("vpce-1", "vpc-1", "bedrock-agent-runtime"),
        endpoint("vpce-2", "vpc-2", "bedrock-runtime"),
      ]);
    });
    const [one, two] = check.evaluate(inv, context);
    expect(one?.status).toBe("PASS");
    expect(two?.status).toBe("FAIL");
    expect(two?.message).toBe(
      "VPC vpc-2 has no available interface endpoint for com.amazonaws.us-east-1.bedrock-agent-runtime, while the region has 1 agent(s) and 0 knowledge base(s)",
    );
  });

  it("is not applicable without agents or knowledge bases, or without VPCs", () => {
    const noAgents = inventoryWith((i) => void (i.ec2.vpcs = ok([vpc("vpc-1")])));
    expect(check.evaluate(noAgents, context)[0]?.message).toBe("No Bedrock agents or knowledge bases in us-east-1");
    const noVpcs = inventoryWith((i) => void (i.bedrock.agents = ok([agent])));
    expect(check.evaluate(noVpcs, context)[0]?.status).toBe("NOT_APPLICABLE");
  });

  it("reports ERROR when knowledge bases could not be listed", () => {
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.bedrock.knowledgeBases = denied("bedrock:ListKnowledgeBases"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("bedrock:ListKnowledgeBases");
  });
});
