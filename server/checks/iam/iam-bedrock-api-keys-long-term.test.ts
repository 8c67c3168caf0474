import { describe, expect, it } from "vitest";
import { user, withIam } from "../lib/iam-fixtures";
import { context, denied, inventoryWith } from "../testing/inventory-fixture";
import check from "./iam-bedrock-api-keys-long-term";

// The fixture inventory is collected at 2026-11-01.
const key = (id: string, status: "Active" | "Inactive" | "Expired", createDate: string, expirationDate?: string) =>
  expirationDate === undefined ? { id, status, createDate } : { id, status, createDate, expirationDate };

describe("iam-bedrock-api-keys-long-term", () => {
  it("passes a user whose only key is short-lived or inactive", () => {
    const u = user("dev", [], {
      bedrockApiKeys: [
        key("ACCA1", "Active", "2026-10-20T00:00:00Z", "2026-11-19T00:00:00Z"),
        key("ACCA2", "Inactive", "2025-01-01T00:00:00Z"),
      ],
    });
    const [f] = check.evaluate(withIam({ users: [u] }), context);
    expect(f?.status).toBe("PASS");
    expect(f?.message).toBe("User dev has no active Bedrock API key valid for more than 90 days");
  });

  it("fails an active key without expiry and one valid for a year", () => {
    const u = user("ci", [], {
      bedrockApiKeys: [
        key("ACCA3", "Active", "2026-01-01T00:00:00Z"),
        key("ACCA4", "Active", "2026-06-01T00:00:00Z", "2027-06-01T00:00:00Z"),
      ],
    });
    const [f] = check.evaluate(withIam({ users: [u] }), context);
    expect(f?.status).toBe("FAIL");
    expect(f?.message).toBe(
      "User ci has an active long-term Bedrock API key: key ACCA3 never expires; key ACCA4 is valid for 365 days (until 2027-06-01T00:00:00Z)",
    );
  });

  it("does not count a key whose expiry has passed", () => {
    const u = user("old", [], { bedrockApiKeys: [key("ACCA5", "Active", "2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z")] });
    expect(check.evaluate(withIam({ users: [u] }), context)[0]?.status).toBe("PASS");
  });

  it("reports ERROR for unreadable dates", () => {
    const u = user("odd", [], { bedrockApiKeys: [key("ACCA6", "Active", "yesterday", "2027-01-01T00:00:00Z")] });
    const [f] = check.evaluate(withIam({ users: [u] }), context);
    expect(f?.status).toBe("ERROR");
    expect(f?.message).toContain('unreadable createDate "yesterday"');
  });

  it("passes at account level when no user has a key, and ERRORs when IAM is unavailable", () => {
    expect(check.evaluate(withIam({ users: [user("a", [])] }), context)[0]?.message).toBe("No IAM user has a Bedrock API key");
    const [e] = check.evaluate(
      inventoryWith((i) => void (i.iam = denied("iam:ListServiceSpecificCredentials"))),
      context,
    );
    expect(e?.status).toBe("ERROR");
    expect(e?.message).toContain("iam:ListServiceSpecificCredentials");
  });
});
