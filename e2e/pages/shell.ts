import { expect, type Locator, type Page } from "@playwright/test";

/** The dashboard shell around every page: main navigation and the account menu. */
export class Shell {
  readonly nav: Locator;
  readonly accountMenu: Locator;

  constructor(private readonly page: Page) {
    this.nav = page.getByRole("navigation", { name: "Main" });
    this.accountMenu = page.getByRole("button", { name: /account menu/ });
  }

  navLink(name: "Overview" | "Posture" | "Checks" | "Settings"): Locator {
    return this.nav.getByRole("link", { name, exact: true });
  }

  async signOut(): Promise<void> {
    await this.accountMenu.click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }
}
