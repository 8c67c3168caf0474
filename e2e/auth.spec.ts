import { expect, test, type Page } from "@playwright/test";

const OIDC_ORIGIN = `http://127.0.0.1:${process.env.E2E_OIDC_PORT ?? 3199}`;
// The shared test password of e2e/oidc/provider.mjs.
const IDP_PASSWORD = "strata-e2e-password";

const DEMO_ROLES = [
  { label: "Viewer", role: "viewer", admin: false },
  { label: "Security analyst", role: "analyst", admin: false },
  { label: "Auditor", role: "auditor", admin: false },
  { label: "Administrator", role: "admin", admin: true },
] as const;

type SessionJson = { user?: { email?: string | null; role?: string | null } } | null;

async function sessionOf(page: Page): Promise<SessionJson> {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return (await response.json()) as SessionJson;
}

/** From Strata's sign-in page through the test IdP's login form; returns when the IdP has sent the browser back. */
async function signInWithIdp(page: Page, login: string): Promise<void> {
  await page.getByRole("button", { name: "Continue with Test IdP" }).click();
  await page.waitForURL((url) => url.origin === OIDC_ORIGIN && url.pathname.startsWith("/interaction/"));
  await page.getByLabel("Username").fill(login);
  await page.getByLabel("Password").fill(IDP_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.origin !== OIDC_ORIGIN && !url.pathname.startsWith("/api/auth/"));
}

function accountMenu(page: Page) {
  return page.getByRole("button", { name: /account menu/ });
}

function mainNav(page: Page) {
  return page.getByRole("navigation", { name: "Main" });
}

test.describe("OIDC sign-in through a real OpenID provider", () => {
  test("alice (strata-admins) is signed in as an Administrator", async ({ page }) => {
    await page.goto("/sign-in");
    await signInWithIdp(page, "alice");

    await expect(page).toHaveURL("/");
    await expect(accountMenu(page)).toContainText("Alice Admin");
    await expect(accountMenu(page)).toContainText("Administrator");
    await expect(mainNav(page).getByRole("link", { name: "Settings" })).toBeVisible();
    expect(await sessionOf(page)).toMatchObject({ user: { email: "alice@idp.test", role: "admin" } });

    expect((await page.request.get("/api/scans")).status()).toBe(200);
    const settings = await page.goto("/settings");
    expect(settings?.status()).toBe(200);
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toHaveCount(0);
  });

  test("victor (strata-viewers) is a viewer: no settings, no scans", async ({ page }) => {
    await page.goto("/sign-in");
    await signInWithIdp(page, "victor");

    await expect(page).toHaveURL("/");
    await expect(accountMenu(page)).toContainText("Viewer");
    await expect(mainNav(page).getByRole("link", { name: "Overview" })).toBeVisible();
    await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveCount(0);
    expect(await sessionOf(page)).toMatchObject({ user: { email: "victor@idp.test", role: "viewer" } });

    expect((await page.request.get("/api/scans")).status()).toBe(200);
    expect((await page.request.post("/api/scans")).status()).toBe(403);
    // The dashboard streams (loading.tsx), so forbidden() arrives after a 200 status: assert what is rendered.
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toHaveCount(0);
  });

  test("mallory (no mapped group) is refused with the AccessDenied message", async ({ page }) => {
    await page.goto("/sign-in");
    await signInWithIdp(page, "mallory");

    await expect(page).toHaveURL(/\/sign-in\?error=AccessDenied$/);
    await expect(page.locator("main [role=alert]")).toContainText("not in a group that has access to Strata");
    expect(await sessionOf(page)).toBeNull();
    expect((await page.request.get("/api/scans")).status()).toBe(401);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("the IdP round trip returns to the page that was asked for", async ({ page }) => {
    await page.goto("/posture?severity=high");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fposture%3Fseverity%3Dhigh$/);
    await signInWithIdp(page, "victor");
    await expect(page).toHaveURL("/posture?severity=high");
    expect(await sessionOf(page)).toMatchObject({ user: { role: "viewer" } });
  });
});

test.describe("demo sign-in", () => {
  for (const { label, role, admin } of DEMO_ROLES) {
    test(`signs in as the demo ${role}`, async ({ page }) => {
      await page.goto("/sign-in");
      await page.getByRole("button", { name: `Sign in as ${label}` }).click();

      await expect(page).toHaveURL("/");
      await expect(accountMenu(page)).toContainText(label);
      expect(await sessionOf(page)).toMatchObject({ user: { role } });
      await expect(mainNav(page).getByRole("link", { name: "Settings" })).toHaveCount(admin ? 1 : 0);
      expect((await page.request.get("/api/scans")).status()).toBe(200);
    });
  }

  test("an anonymous visit to /posture goes to sign-in and lands back on /posture", async ({ page }) => {
    const response = await page.goto("/posture");
    expect(response?.url()).toMatch(/\/sign-in\?callbackUrl=%2Fposture$/);
    await expect(page).toHaveURL("/sign-in?callbackUrl=%2Fposture");
    await page.getByRole("button", { name: "Sign in as Security analyst" }).click();
    await expect(page).toHaveURL("/posture");
    expect(await sessionOf(page)).toMatchObject({ user: { role: "analyst" } });
  });

  for (const target of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
    test(`keeps the off-site callbackUrl ${target} on Strata's origin`, async ({ page, baseURL }) => {
      await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
      await page.getByRole("button", { name: "Sign in as Viewer" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
      expect(new URL(page.url()).origin).toBe(new URL(baseURL ?? "").origin);
    });
  }
});

test("sign-out ends the session", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in as Auditor" }).click();
  await expect(page).toHaveURL("/");

  await accountMenu(page).click();
  await page.getByRole("button", { name: "Sign out" }).click();

  await expect(page).toHaveURL("/sign-in");
  expect(await sessionOf(page)).toBeNull();
  expect((await page.request.get("/api/scans")).status()).toBe(401);
  await page.goto("/posture");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fposture$/);
});
