import { expect, type Page } from "@playwright/test";

// The shared test password of e2e/oidc/provider.mjs.
const IDP_PASSWORD = "strata-e2e-password";

/** Demo role labels exactly as the sign-in page shows them. */
export type DemoRole = "Viewer" | "Security analyst" | "Auditor" | "Administrator";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
    await expect(this.page.getByRole("heading", { name: "Sign in to Strata" })).toBeVisible();
  }

  /** Signs in through the test IdP (e2e/oidc/provider.mjs) as one of its people and waits for the dashboard shell. */
  async signInWithIdp(login: "alice" | "victor"): Promise<void> {
    await this.page.getByRole("button", { name: "Continue with Test IdP" }).click();
    await this.page.getByLabel("Username").fill(login);
    await this.page.getByLabel("Password").fill(IDP_PASSWORD);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }

  /** Signs in as a demo user and waits for the dashboard shell. */
  async signInAsDemo(role: DemoRole): Promise<void> {
    await this.page.getByRole("button", { name: `Sign in as ${role}` }).click();
    await expect(this.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
}
