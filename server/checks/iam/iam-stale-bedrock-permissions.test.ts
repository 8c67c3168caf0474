import { describe, expect, it } from "vitest";
import { role, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-stale-bedrock-permissions";

const invoke = [{ Effect: "Allow", Action: "bedrock:InvokeModel", Resource: "*" }];

describe("iam-stale-bedrock-permissions", () => {
  it("passes a role that used Bedrock recently", () => {
    const [f] = check.evaluate(
      withIam({ roles: [role("app", invoke, { bedrockLastAccessed: "2026-10-25T10:00:00Z" })] }),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("Role app last used Bedrock 6 days before the scan (2026-10-25T10:00:00Z)");
  });

  it("fails a role idle for more than 90 days, and one that never used Bedrock", () => {
    const inv = withIam({
      roles: [
        role("old", invoke, { bedrockLastAccessed: "2026-05-01T00:00:00Z" }),
        role("never", invoke, { bedrockLastAccessed: null }),
      ],
    });
    const [old, never] = check.evaluate(inv, context);
    expect(old?.status).toBe("FAIL");
    expect(old?.message).toContain("last used Bedrock 184 days before the scan");
    expect(never?.status).toBe("FAIL");
    expect(never?.message).toContain("has not used Bedrock within IAM's tracking period");
  });

  it("reports ERROR when last-accessed data was not collected", () => {
    const [f] = check.evaluate(withIam({ roles: [role("unknown", invoke)] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain("iam:GenerateServiceLastAccessedDetails");
  });

  it("ignores roles without Bedrock permissions", () => {
    const [f] = check.evaluate(
      withIam({ roles: [role("s3", [{ Effect: "Allow", Action: "s3:*", Resource: "*" }], { bedrockLastAccessed: null })] }),
      context,
    );
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("No IAM role in the account has Bedrock permissions");
  });

  it("reports ERROR quoting a malformed policy, and when IAM is unavailable", () => {
    const [f] = check.evaluate(
      withIam({ roles: [role("x", [], { inlinePolicies: [{ name: "p", document: { Statement: "nope" } }] })] }),
      context,
    );
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('Document: {"Statement":"nope"}');
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:GetAccountAuthorizationDetails"))),
      context,
    );
    expect(e?.message).toContain("iam:GetAccountAuthorizationDetails");
  });
});
