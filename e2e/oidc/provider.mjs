// A real OpenID Provider (oidc-provider) on 127.0.0.1 for the end-to-end sign-in tests. Test-only:
// fixed accounts, one shared password, plain http, and consent is implied for the one client.
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:http";
import Provider from "oidc-provider";

const PORT = Number(process.env.OIDC_PORT ?? 3199);
const APP_URL = process.env.APP_URL ?? "http://127.0.0.1:3100";
const ISSUER = `http://127.0.0.1:${PORT}`;

const PASSWORD = "strata-e2e-password";

/** login name → claims. mallory signs in fine here but is in no group Strata maps to a role. */
const ACCOUNTS = {
  alice: { name: "Alice Admin", email: "alice@idp.test", groups: ["strata-admins"] },
  victor: { name: "Victor Viewer", email: "victor@idp.test", groups: ["strata-viewers"] },
  mallory: { name: "Mallory Marketing", email: "mallory@idp.test", groups: ["marketing"] },
};

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });

const provider = new Provider(ISSUER, {
  clients: [
    {
      client_id: "strata-e2e",
      client_secret: "strata-e2e-secret-0123456789",
      redirect_uris: [`${APP_URL}/api/auth/callback/oidc`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      // Auth.js uses HTTP Basic for a provider without `client.token_endpoint_auth_method`.
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid: "e2e", use: "sig", alg: "RS256" }] },
  cookies: { keys: ["strata-e2e-cookie-key-0123456789"] },
  claims: {
    openid: ["sub"],
    email: ["email", "email_verified"],
    profile: ["name"],
    groups: ["groups"],
  },
  // Auth.js builds the profile from the ID token alone, so scope claims must be in it, not only in userinfo.
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 3600, IdToken: 600, Interaction: 600, Session: 3600 },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  // The one client is first-party: grant what it asks for instead of showing a consent screen.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) return ctx.oidc.provider.Grant.find(grantId);
    if (!ctx.oidc.session.accountId) return undefined;
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope(String(ctx.oidc.params.scope ?? "openid"));
    await grant.save();
    return grant;
  },
  async findAccount(_ctx, sub) {
    if (!Object.hasOwn(ACCOUNTS, sub)) return undefined;
    const account = ACCOUNTS[sub];
    return {
      accountId: sub,
      async claims() {
        return { sub, name: account.name, email: account.email, email_verified: true, groups: account.groups };
      },
    };
  },
  renderError(ctx, out) {
    ctx.type = "html";
    ctx.body = page("Sign-in error", `<p role="alert">${escape(out.error)}: ${escape(out.error_description ?? "")}</p>`);
  },
});

// Failed grants show up only here: the app merely reports "Configuration".
for (const event of ["grant.error", "authorization.error", "server_error", "userinfo.error"]) {
  provider.on(event, (ctx, error) => {
    const redirectUri = ctx.oidc?.params?.redirect_uri;
    console.error(
      `[oidc] ${event}: ${error.message} ${error.error_detail ?? ""}${redirectUri ? ` (redirect_uri ${redirectUri})` : ""}`,
    );
  });
}

function escape(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)}</title></head><body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function loginForm(uid, error) {
  return page(
    "Test IdP sign-in",
    `${error ? `<p role="alert">${escape(error)}</p>` : ""}
    <form method="post" action="/interaction/${escape(uid)}">
      <label>Username <input name="login" autocomplete="username" required autofocus></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">Sign in</button>
    </form>`,
  );
}

function send(res, status, html) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(html);
}

async function readForm(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

async function interaction(req, res, uid) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) return send(res, 400, page("Sign-in error", "<p>Interaction mismatch.</p>"));
  if (details.prompt.name !== "login") {
    return send(res, 501, page("Sign-in error", `<p>Prompt ${escape(details.prompt.name)} is not supported.</p>`));
  }
  if (req.method === "GET") return send(res, 200, loginForm(uid));
  const form = await readForm(req);
  const login = form.get("login") ?? "";
  if (!Object.hasOwn(ACCOUNTS, login) || form.get("password") !== PASSWORD) {
    return send(res, 401, loginForm(uid, "Unknown user or wrong password."));
  }
  await provider.interactionFinished(req, res, { login: { accountId: login } }, { mergeWithLastSubmission: false });
}

const handle = provider.callback();
const server = createServer((req, res) => {
  const match = /^\/interaction\/([\w-]+)$/.exec(new URL(req.url ?? "/", ISSUER).pathname);
  if (!match || (req.method !== "GET" && req.method !== "POST")) return handle(req, res);
  interaction(req, res, match[1]).catch((error) => {
    console.error("[oidc] interaction failed", error);
    if (!res.headersSent) send(res, 400, page("Sign-in error", `<p>${escape(error.message)}</p>`));
  });
});

server.listen(PORT, "127.0.0.1", () => console.log(`[oidc] test OpenID provider at ${ISSUER}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
