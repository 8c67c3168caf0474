import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { connectionResultSchema, type ConnectionResult, type SourceDescription } from "@/lib/schemas/source";
import { POST } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const source = vi.hoisted(() => ({ describe: vi.fn(), testConnection: vi.fn() }));
const audit = vi.hoisted(() => ({ recordAudit: vi.fn(() => Promise.resolve()) }));

vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/sources", () => ({ inspectSource: () => ({ kind: "aws", ...source }) }));
vi.mock("@/server/audit/record", () => audit);

const ACCOUNT = "111122223333";
const DESCRIPTION: SourceDescription = {
  kind: "aws",
  accountMode: "roles",
  accounts: [
    {
      accountId: ACCOUNT,
      name: "prod",
      origin: "STRATA_AWS_ROLE_ARNS",
      roleArn: `arn:aws:iam::${ACCOUNT}:role/StrataReadOnly`,
      regions: ["us-east-1"],
      regionsOrigin: "STRATA_AWS_REGIONS",
    },
  ],
  problems: [],
};

function signInAs(role: "analyst" | "admin"): void {
  session.current = {
    user: { id: `${role}-id`, name: role, email: `${role}@example.test`, role },
    expires: "2099-01-01T00:00:00.000Z",
  };
}

function post(accountId: string): Promise<Response> {
  const request = new NextRequest(`http://127.0.0.1/api/source/accounts/${accountId}/test`, { method: "POST" });
  return POST(request, { params: Promise.resolve({ accountId }) });
}

beforeEach(() => {
  session.current = null;
  source.describe.mockReset().mockResolvedValue(DESCRIPTION);
  source.testConnection.mockReset();
  audit.recordAudit.mockClear();
});

describe("POST /api/source/accounts/[accountId]/test", () => {
  it("returns the assumed identity and audits who tested which account", async () => {
    const ok: ConnectionResult = {
      ok: true,
      accountId: ACCOUNT,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/StrataReadOnly/strata`,
      userId: "AROAEXAMPLE:strata",
      latencyMs: 84,
    };
    source.testConnection.mockResolvedValue(ok);
    signInAs("admin");

    const response = await post(ACCOUNT);
    expect(response.status).toBe(200);
    expect(connectionResultSchema.parse(await response.json())).toEqual(ok);
    expect(source.testConnection).toHaveBeenCalledWith(ACCOUNT, expect.any(AbortSignal));
    expect(audit.recordAudit).toHaveBeenCalledWith({
      actor: "admin@example.test",
      role: "admin",
      action: "source.test_connection",
      target: ACCOUNT,
      detail: { ok: true, arn: ok.arn },
    });
  });

  it("passes a failed connection through as data (200), with the action to grant, and audits it", async () => {
    const failed: ConnectionResult = {
      ok: false,
      accountId: ACCOUNT,
      error: "AccessDenied: not authorized to perform sts:AssumeRole",
      action: "sts:AssumeRole",
      latencyMs: 40,
    };
    source.testConnection.mockResolvedValue(failed);
    signInAs("admin");

    const response = await post(ACCOUNT);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(failed);
    expect(audit.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ target: ACCOUNT, detail: { ok: false, error: failed.error, action: "sts:AssumeRole" } }),
    );
  });

  it("answers 404 for a well-formed account that is not in effect, without calling AWS", async () => {
    signInAs("admin");
    const response = await post("999988887777");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    expect(source.testConnection).not.toHaveBeenCalled();
    expect(audit.recordAudit).not.toHaveBeenCalled();
  });

  it.each(["11112222333", "1111222233334", "11112222333a", "../../etc"])("rejects the account id %j with 400", async (id) => {
    signInAs("admin");
    const response = await post(id);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation" } });
    expect(source.describe).not.toHaveBeenCalled();
  });

  it("refuses a role without settings:manage before touching the source", async () => {
    signInAs("analyst");
    expect((await post(ACCOUNT)).status).toBe(403);
    expect(source.describe).not.toHaveBeenCalled();
  });
});
