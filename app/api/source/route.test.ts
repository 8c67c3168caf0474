import { NextRequest } from "next/server";
import type { Session } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { sourceDescriptionSchema, type SourceDescription } from "@/lib/schemas/source";
import { GET } from "./route";

const session = vi.hoisted(() => ({ current: null as Session | null }));
const source = vi.hoisted(() => ({ describe: vi.fn() }));

vi.mock("@/server/auth", () => ({ auth: vi.fn(() => Promise.resolve(session.current)) }));
vi.mock("@/server/sources", () => ({ inspectSource: () => ({ kind: "aws", describe: source.describe }) }));

const DESCRIPTION: SourceDescription = {
  kind: "aws",
  accountMode: "organization",
  accounts: [
    {
      accountId: "111122223333",
      name: "prod",
      origin: "AWS Organizations o-abc123",
      roleArn: "arn:aws:iam::111122223333:role/StrataReadOnly",
      regions: ["us-east-1", "eu-west-1"],
      regionsOrigin: "STRATA_AWS_REGIONS",
    },
  ],
  problems: [{ accountId: null, reason: "AccessDenied on ListAccounts", action: "organizations:ListAccounts" }],
};

function signInAs(role: "viewer" | "admin"): void {
  session.current = { user: { id: role, name: role, email: `${role}@example.test`, role }, expires: "2099-01-01T00:00:00.000Z" };
}

const get = () => GET(new NextRequest("http://127.0.0.1/api/source"), { params: Promise.resolve({}) });

beforeEach(() => {
  session.current = null;
  source.describe.mockReset();
  source.describe.mockResolvedValue(DESCRIPTION);
});

describe("GET /api/source", () => {
  it("returns the source's description of accounts, regions and problems to an admin, uncached", async () => {
    signInAs("admin");
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(sourceDescriptionSchema.parse(await response.json())).toEqual(DESCRIPTION);
  });

  it("does not ask the source for anyone without settings:manage", async () => {
    signInAs("viewer");
    expect((await get()).status).toBe(403);
    expect(source.describe).not.toHaveBeenCalled();
  });
});
