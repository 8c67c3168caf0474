import { describe, expect, it } from "vitest";
import type { Agent } from "@/server/inventory/bedrock";
import { ok } from "@/server/inventory/part";
import { ADMINISTRATOR_ACCESS, attach, role, withIam } from "../lib/iam-fixtures";
import { context, denied } from "../testing/inventory-fixture";
import check from "./iam-agent-role-least-privilege";

const BOUNDARY = "arn:aws:iam::111122223333:policy/agent-boundary";

function agent(name: string, roleName: string): Agent {
  return {
    agentId: name.toUpperCase(),
    agentArn: `arn:aws:bedrock:us-east-1:111122223333:agent/${name.toUpperCase()}`,
    agentName: name,
    agentStatus: "PREPARED",
    agentResourceRoleArn: `arn:aws:iam::111122223333:role/${roleName}`,
    idleSessionTTLInSeconds: 600,
    aliases: [],
  };
}

describe("iam-agent-role-least-privilege", () => {
  it("passes a bounded role with a scoped policy", () => {
    const inv = withIam(
      {
        roles: [
          role("agent-a", [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" }], {
            permissionsBoundaryArn: BOUNDARY,
          }),
        ],
      },
      (i) => {
        i.bedrock.agents = ok([agent("support", "agent-a")]);
      },
    );
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toContain("Agent role agent-a (used by support) has a permissions boundary");
  });

  it("fails a role with AdministratorAccess, a * statement and no boundary, naming each reason", () => {
    const inv = withIam(
      {
        roles: [
          role("agent-b", [{ Sid: "All", Effect: "Allow", Action: "*", Resource: "*" }], {
            attachedPolicies: [attach(ADMINISTRATOR_ACCESS)],
          }),
        ],
        policies: [ADMINISTRATOR_ACCESS],
      },
      (i) => void (i.bedrock.agents = ok([agent("ops", "agent-b")])),
    );
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toContain("AdministratorAccess is attached");
    expect(f?.message).toContain('policy "agent-b-policy (inline)" Sid "All" (Action "*")');
    expect(f?.message).toContain("it has no permissions boundary");
  });

  it("is not applicable without agents", () => {
    const [f] = check.evaluate(withIam({}), context);
    expect(f?.status).toBe("NOT_APPLICABLE");
    expect(f?.message).toBe("No Bedrock agents in us-east-1");
  });

  it("reports ERROR when the role is missing or its policy is malformed", () => {
    const missing = withIam({}, (i) => void (i.bedrock.agents = ok([agent("lost", "gone")])));
    expect(check.evaluate(missing, context)[0]?.message).toContain(
      "arn:aws:iam::111122223333:role/gone is not in the IAM inventory",
    );
    const bad = withIam(
      { roles: [role("agent-c", [], { inlinePolicies: [{ name: "p", document: "[1,2" }] })] },
      (i) => void (i.bedrock.agents = ok([agent("x", "agent-c")])),
    );
    const [f] = check.evaluate(bad, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("Document: [1,2");
  });

  it("reports ERROR when agents could not be listed", () => {
    const inv = withIam({}, (i) => void (i.bedrock.agents = denied("bedrock:ListAgents")));
    const [f] = check.evaluate(inv, context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("bedrock:ListAgents");
  });
});
