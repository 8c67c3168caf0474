import type { NextAuthConfig } from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type * as envModule from "@/server/config/env";
import { parseEnv, type Env } from "@/server/config/env";
import { DEMO_PROVIDER_ID, OIDC_PROVIDER_ID, authConfig } from "./auth-config";

const state = vi.hoisted(() => ({ env: undefined as Env | undefined }));
const audit = vi.hoisted(() => ({ recordAudit: vi.fn(() => Promise.resolve()) }));

vi.mock("@/server/config/env", async (importOriginal) => {
  const original = await importOriginal<typeof envModule>();
  const current = () => state.env ?? original.parseEnv({});
  return { ...original, env: current, isDemo: () => current().STRATA_SOURCE === "demo" };
});
vi.mock("@/server/audit/record", () => audit);

const OIDC_ENV = {
  AUTH_SECRET: "unit-test-secret-0123456789abcdefghijkl",
  AUTH_OIDC_ISSUER: "https://idp.example.com",
  AUTH_OIDC_CLIENT_ID: "strata",
  AUTH_OIDC_CLIENT_SECRET: "secret",
  AUTH_OIDC_NAME: "Acme SSO",
  AUTH_OIDC_SCOPE: "openid email profile groups",
  STRATA_ROLE_MAP: "sec-viewers=viewer,sec-analysts=analyst,sec-admins=admin",
};

type Callbacks = NonNullable<NextAuthConfig["callbacks"]>;
type SignInParams = Parameters<NonNullable<Callbacks["signIn"]>>[0];
type JwtParams = Parameters<NonNullable<Callbacks["jwt"]>>[0];
type SessionParams = Parameters<NonNullable<Callbacks["session"]>>[0];

const oidcAccount = { provider: OIDC_PROVIDER_ID, type: "oidc", providerAccountId: "alice" } as const;
const demoAccount = { provider: DEMO_PROVIDER_ID, type: "credentials", providerAccountId: "demo-admin" } as const;

/** Credentials() keeps the configured id in `options` until Auth.js merges it. */
function providerId(provider: unknown): unknown {
  if (typeof provider !== "object" || provider === null) return undefined;
  const p = provider as { id?: unknown; options?: { id?: unknown } };
  return p.options?.id ?? p.id;
}

function callbacks(): Callbacks {
  const value = authConfig().callbacks;
  if (!value) throw new Error("authConfig has no callbacks");
  return value;
}

async function signInAllowed(groups: unknown): Promise<unknown> {
  const params = { user: { id: "alice" }, account: oidcAccount, profile: { sub: "alice", groups } } as SignInParams;
  return callbacks().signIn?.(params);
}

async function roleInToken(params: Partial<JwtParams>): Promise<unknown> {
  const token = await callbacks().jwt?.({ token: { sub: "alice" }, user: { id: "alice" }, ...params });
  return token?.role;
}

beforeEach(() => {
  state.env = parseEnv(OIDC_ENV);
  audit.recordAudit.mockClear();
});

describe("providers", () => {
  it("configures the generic OIDC provider from AUTH_OIDC_* with PKCE, state and nonce", () => {
    const oidc = authConfig().providers.find((p) => providerId(p) === OIDC_PROVIDER_ID);
    expect(oidc).toMatchObject({
      type: "oidc",
      name: "Acme SSO",
      issuer: "https://idp.example.com",
      clientId: "strata",
      authorization: { params: { scope: "openid email profile groups" } },
      checks: ["pkce", "state", "nonce"],
    });
  });

  it("offers demo users only while the source is the demo estate, and no OIDC without its settings", () => {
    state.env = parseEnv({});
    const ids = authConfig().providers.map(providerId);
    expect(ids).toEqual([DEMO_PROVIDER_ID]);
  });

  it("the demo provider signs in known demo users only, with their role", async () => {
    const demo = authConfig().providers.find((p) => providerId(p) === DEMO_PROVIDER_ID);
    const options = (demo as { options?: { authorize?: (raw: unknown) => unknown } } | undefined)?.options;
    expect(await options?.authorize?.({ userId: "demo-auditor" })).toMatchObject({ id: "demo-auditor", role: "auditor" });
    expect(await options?.authorize?.({ userId: "demo-root" })).toBeNull();
    expect(await options?.authorize?.({})).toBeNull();
  });
});

describe("OIDC group mapping at sign-in", () => {
  it("admits people in a mapped group", async () => {
    expect(await signInAllowed(["sec-viewers"])).toBe(true);
    expect(await signInAllowed("sec-admins")).toBe(true);
  });

  it.each([[["marketing"]], [[]], [undefined], [null], [42], [{ "sec-admins": true }]])(
    "refuses the groups claim %j",
    async (groups) => {
      expect(await signInAllowed(groups)).toBe(false);
    },
  );

  // Group names are chosen by the identity provider's admins; a name that happens to be an
  // Object.prototype member must not count as a mapped group.
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])("refuses the group %j", async (group) => {
    expect(await signInAllowed([group])).toBe(false);
    expect(await roleInToken({ account: oidcAccount, profile: { groups: [group] } })).toBeNull();
  });

  it("reads the claim named by AUTH_OIDC_GROUPS_CLAIM", async () => {
    state.env = parseEnv({ ...OIDC_ENV, AUTH_OIDC_GROUPS_CLAIM: "roles" });
    const params = {
      user: { id: "a" },
      account: oidcAccount,
      profile: { groups: ["sec-admins"], roles: ["marketing"] },
    } as SignInParams;
    expect(await callbacks().signIn?.(params)).toBe(false);
  });
});

describe("session role", () => {
  it("puts the most capable mapped role in the token at OIDC sign-in", async () => {
    expect(await roleInToken({ account: oidcAccount, profile: { groups: ["sec-viewers", "sec-admins"] } })).toBe("admin");
  });

  it("takes a demo user's role from the user", async () => {
    expect(await roleInToken({ account: demoAccount, user: { id: "demo-analyst", role: "analyst" } })).toBe("analyst");
  });

  it("keeps the role on later token refreshes, which carry no account", async () => {
    // Auth.js types `user` as always present; on a refresh it is not.
    const token = await callbacks().jwt?.({ token: { sub: "alice", role: "viewer" } } as unknown as JwtParams);
    expect(token?.role).toBe("viewer");
  });

  it("exposes only a known role in the session", async () => {
    const session = (role: unknown) =>
      callbacks().session?.({
        session: { user: { name: "Alice", email: "alice@idp.test" }, expires: "2099-01-01T00:00:00.000Z" },
        token: { sub: "alice", role },
      } as unknown as SessionParams);
    expect(await session("auditor")).toMatchObject({ user: { id: "alice", role: "auditor" } });
    expect(await session("root")).toMatchObject({ user: { role: null } });
    expect(await session(undefined)).toMatchObject({ user: { role: null } });
  });
});

describe("sign-in audit", () => {
  it("records who signed in, with which provider and role", async () => {
    await authConfig().events?.signIn?.({
      user: { id: "alice", email: "alice@idp.test" },
      account: oidcAccount,
      profile: { groups: ["sec-analysts"] },
    });
    expect(audit.recordAudit).toHaveBeenCalledWith(
      expect.objectContaining({ actor: "alice@idp.test", role: "analyst", action: "auth.sign_in", target: OIDC_PROVIDER_ID }),
    );
  });
});
