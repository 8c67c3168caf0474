import "server-only";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { ROLES, type Role } from "@/lib/auth/roles";
import { env, isDemo } from "@/server/config/env";
import { recordAudit } from "@/server/audit/record";
import { DEMO_USERS } from "./demo-users";
import { roleFromGroups } from "./role-mapping";

export const OIDC_PROVIDER_ID = "oidc";
export const DEMO_PROVIDER_ID = "demo";

const roleSchema = z.enum(ROLES);
const demoCredentials = z.object({ userId: z.string().min(1) });

function providers(): NextAuthConfig["providers"] {
  const e = env();
  const list: NextAuthConfig["providers"] = [];
  if (e.AUTH_OIDC_ISSUER && e.AUTH_OIDC_CLIENT_ID && e.AUTH_OIDC_CLIENT_SECRET) {
    list.push({
      id: OIDC_PROVIDER_ID,
      name: e.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: e.AUTH_OIDC_ISSUER,
      clientId: e.AUTH_OIDC_CLIENT_ID,
      clientSecret: e.AUTH_OIDC_CLIENT_SECRET,
      authorization: { params: { scope: e.AUTH_OIDC_SCOPE } },
      checks: ["pkce", "state", "nonce"],
    });
  }
  if (isDemo()) {
    list.push(
      Credentials({
        id: DEMO_PROVIDER_ID,
        name: "Demo user",
        credentials: { userId: { label: "Demo user", type: "text" } },
        authorize(raw) {
          const parsed = demoCredentials.safeParse(raw);
          const user = parsed.success ? DEMO_USERS.find((u) => u.id === parsed.data.userId) : undefined;
          return user ? { id: user.id, name: user.name, email: user.email, role: user.role } : null;
        },
      }),
    );
  }
  return list;
}

/** Built per request (lazy) so `next build` never needs the runtime configuration. */
export function authConfig(): NextAuthConfig {
  const e = env();
  return {
    secret: e.AUTH_SECRET,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: providers(),
    callbacks: {
      signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        // No mapped group means no access: deny by default rather than fall back to a role.
        return roleFromGroups(profile?.[e.AUTH_OIDC_GROUPS_CLAIM], e.STRATA_ROLE_MAP) !== null;
      },
      jwt({ token, user, account, profile }) {
        if (account?.provider === OIDC_PROVIDER_ID) {
          token.role = roleFromGroups(profile?.[e.AUTH_OIDC_GROUPS_CLAIM], e.STRATA_ROLE_MAP);
        } else if (user && "role" in user) {
          token.role = user.role;
        }
        return token;
      },
      session({ session, token }) {
        const role = roleSchema.safeParse(token.role);
        return { ...session, user: { ...session.user, id: token.sub ?? "", role: role.success ? role.data : null } };
      },
    },
    events: {
      async signIn({ user, account, profile }) {
        const role: Role | null =
          account?.provider === OIDC_PROVIDER_ID
            ? roleFromGroups(profile?.[e.AUTH_OIDC_GROUPS_CLAIM], e.STRATA_ROLE_MAP)
            : user && "role" in user
              ? roleSchema.catch("viewer").parse(user.role)
              : null;
        await recordAudit({
          actor: user.email ?? user.id ?? "unknown",
          role: role ?? "none",
          action: "auth.sign_in",
          target: account?.provider ?? null,
          detail: { provider: account?.provider },
        });
      },
    },
  };
}
