import { expect, type Locator, type Page } from "@playwright/test";
import { logsStatusSchema } from "../../lib/schemas/log-detail";

/** The invocation-log explorer (/logs) and its detail drawer. */
export class LogsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly activeFilters: Locator;
  readonly drawer: Locator;
  readonly revealButton: Locator;
  readonly revealDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Invocations" });
    this.table = page.getByRole("table", { name: /^Invocations, newest first/ });
    // Data rows only: spacer and header rows carry no time button.
    this.rows = this.table.locator("tbody tr").filter({ has: page.getByRole("button") });
    this.activeFilters = page.getByRole("group", { name: "Active filters" });
    this.drawer = page
      .getByRole("dialog", { name: /./ })
      .filter({ has: page.getByRole("region", { name: "Prompt and response" }) });
    this.revealButton = this.drawer.getByRole("button", { name: "Reveal", exact: true });
    this.revealDialog = page.getByRole("dialog", { name: "Reveal prompt and response" });
  }

  /** The demo generates its logs after boot; the explorer is only asserted on once that is done. */
  async waitForSeeded(): Promise<void> {
    await expect
      .poll(
        async () => {
          const response = await this.page.request.get("/api/logs/status");
          return response.ok() ? logsStatusSchema.parse(await response.json()).seeding : "not ready";
        },
        { timeout: 150_000, intervals: [1000, 2000] },
      )
      .toBeNull();
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/logs${query}`);
    await expect(this.heading).toBeVisible();
  }

  facet(group: string, value: RegExp): Locator {
    return this.page
      .getByRole("navigation", { name: "Facets" })
      .getByRole("group", { name: group })
      .getByRole("button", { name: value });
  }

  /** Opens the n-th row (0-based) in the drawer and waits for its detail. */
  async openRow(index: number): Promise<void> {
    await this.rows.nth(index).getByRole("button").first().click();
    await expect(this.drawer.getByRole("region", { name: "Request", exact: true })).toBeVisible();
  }

  async reveal(justification: string): Promise<void> {
    await this.revealButton.click();
    await expect(this.revealDialog).toBeVisible();
    await this.revealDialog.getByLabel("Justification").fill(justification);
    await this.revealDialog.getByRole("button", { name: "Reveal" }).click();
    await expect(this.revealDialog).toBeHidden();
  }
}
