import { expect, type Locator, type Page } from "@playwright/test";

export class SettingsPage {
  readonly heading: Locator;
  readonly accounts: Locator;
  readonly accountRows: Locator;
  readonly scanErrors: Locator;
  readonly grantChips: Locator;
  readonly auditLog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Settings" });
    this.accounts = page.getByRole("region", { name: "AWS accounts" }).getByRole("table", { name: "AWS accounts in effect" });
    this.accountRows = this.accounts.getByRole("row").filter({ has: page.getByRole("button", { name: /^Test connection to / }) });
    this.scanErrors = page.getByRole("region", { name: "Last scan: collection errors" });
    // Each chip's title says what to do with the action it shows.
    this.grantChips = this.scanErrors.getByTitle(/^Add \S+ to the policy/);
    this.auditLog = page.getByRole("table", { name: "Audit log" });
  }

  async goto(): Promise<void> {
    const response = await this.page.goto("/settings");
    expect(response?.status()).toBe(200);
    await expect(this.heading).toBeVisible();
  }

  accountRow(name: string): Locator {
    return this.accountRows.filter({ has: this.page.getByRole("button", { name: `Test connection to ${name}`, exact: true }) });
  }

  /** Clicks an account's Test connection button and returns the result panel once the test has finished. */
  async testConnection(name: string): Promise<Locator> {
    const button = this.page.getByRole("button", { name: `Test connection to ${name}`, exact: true });
    await button.click();
    const result = this.page.getByRole("group", { name: `Connection test of ${name}` });
    await expect(result).toBeVisible();
    await expect(button).toBeEnabled();
    return result;
  }
}
