import { expect, type Page } from "@playwright/test";

/** Demo role labels exactly as the sign-in page shows them. */
export type DemoRole = "Viewer" | "Security analyst" | "Auditor" | "Administrator";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto("/sign-in");
    await expect(this.page.getByRole("heading", { name: "Sign in to Strata" })).toBeVisible();
  }

  /** Signs in as a demo user and waits for the dashboard shell. */
  async signInAsDemo(role: DemoRole): Promise<void> {
    await this.page.getByRole("button", { name: `Sign in as ${role}` }).click();
    await expect(this.page.getByRole("navigation", { name: "Main" })).toBeVisible();
  }
}
