import { expect, type Locator, type Page } from "@playwright/test";

export class CheckDetailPage {
  readonly heading: Locator;
  readonly resources: Locator;
  readonly remediationTabs: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1 });
    this.resources = page.getByRole("table", { name: /Affected resources/ });
    this.remediationTabs = page.getByRole("tablist", { name: "Remediation" });
  }

  async expectLoaded(title: string): Promise<void> {
    await expect(this.heading).toHaveText(title);
    await expect(this.resources).toBeVisible();
  }

  tab(name: "Console" | "AWS CLI" | "Terraform"): Locator {
    return this.remediationTabs.getByRole("tab", { name });
  }

  /** Status of each affected resource, in the order shown. */
  async statuses(): Promise<string[]> {
    return (await this.resources.locator("tbody tr td:first-child").allTextContents()).map((t) => t.trim());
  }

  async expandFirstEvidence(): Promise<Locator> {
    const button = this.resources.getByRole("button", { name: /^Evidence/ }).first();
    await button.click();
    await expect(button).toHaveAttribute("aria-expanded", "true");
    const id = (await button.getAttribute("aria-controls")) ?? "";
    return this.page.locator(`[id="${id}"] pre`);
  }
}
