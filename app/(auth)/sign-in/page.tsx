import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeCallbackPath } from "@/lib/auth/callback";
import { ROLE_LABEL } from "@/lib/auth/roles";
import { DEMO_USERS } from "@/server/auth/demo-users";
import { getSessionUser } from "@/server/auth/session";
import { env, isDemo } from "@/server/config/env";
import { signInDemo, signInOidc } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  AccessDenied: "Your account is not in a group that has access to Strata. Ask an administrator to map your group to a role.",
  CredentialsSignin: "That demo user does not exist.",
  Configuration: "Sign-in is misconfigured on the server. Check the AUTH_* settings.",
};

const searchSchema = z.object({ error: z.string().max(64).optional(), callbackUrl: z.string().max(2048).optional() });

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (await getSessionUser()) redirect("/");
  const search = searchSchema.catch({}).parse(await searchParams);
  const e = env();
  const oidc = Boolean(e.AUTH_OIDC_ISSUER);
  const callbackUrl = safeCallbackPath(search.callbackUrl);
  const error = search.error ? (ERRORS[search.error] ?? "Sign-in failed. Try again.") : null;

  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md rounded-2xl border border-[var(--border)] bg-[var(--card)] p-8 shadow-sm">
        <div className="mb-6 flex items-center gap-3">
          <span aria-hidden className="grid size-10 place-items-center rounded-xl bg-indigo-600 text-lg font-bold text-white">
            S
          </span>
          <div>
            <h1 className="text-xl font-semibold">Sign in to Strata</h1>
            <p className="text-sm text-[var(--muted)]">Amazon Bedrock security posture</p>
          </div>
        </div>
        {error && (
          <p
            role="alert"
            className="mb-4 rounded-lg border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
          >
            {error}
          </p>
        )}
        {oidc && (
          <form action={signInOidc} className="mb-6">
            <input type="hidden" name="callbackUrl" value={callbackUrl} />
            <button
              type="submit"
              className="w-full rounded-lg bg-indigo-600 px-4 py-2.5 font-medium text-white hover:bg-indigo-500"
            >
              Continue with {e.AUTH_OIDC_NAME}
            </button>
          </form>
        )}
        {isDemo() && (
          <section aria-labelledby="demo-users">
            <h2 id="demo-users" className="mb-1 text-sm font-medium">
              Demo users
            </h2>
            <p className="mb-3 text-sm text-[var(--muted)]">
              The demo estate is fictional. Pick a role to explore what it can see and do.
            </p>
            <ul className="space-y-2">
              {DEMO_USERS.map((u) => (
                <li key={u.id}>
                  <form action={signInDemo}>
                    <input type="hidden" name="userId" value={u.id} />
                    <input type="hidden" name="callbackUrl" value={callbackUrl} />
                    <button
                      type="submit"
                      className="flex w-full items-center justify-between rounded-lg border border-[var(--border)] px-4 py-2.5 text-left hover:border-indigo-400 hover:bg-indigo-50 dark:hover:bg-indigo-950"
                    >
                      <span>
                        <span className="block font-medium">Sign in as {ROLE_LABEL[u.role]}</span>
                        <span className="block text-xs text-[var(--muted)]">
                          {u.name} · {u.email}
                        </span>
                      </span>
                      <span aria-hidden className="text-[var(--muted)]">
                        →
                      </span>
                    </button>
                  </form>
                </li>
              ))}
            </ul>
          </section>
        )}
        {!oidc && !isDemo() && <p className="text-sm">No sign-in method is configured. Set the AUTH_OIDC_* settings.</p>}
      </div>
    </main>
  );
}
