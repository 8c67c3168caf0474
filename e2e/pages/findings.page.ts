import { expect, type Locator, type Page } from "@playwright/test";

type FilterName = "Status" | "Severity" | "Category" | "Account" | "Region";

export class FindingsPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;
  readonly activeFilters: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole("heading", { level: 1, name: "Posture" });
    this.table = page.getByRole("table", { name: /^Findings/ });
    this.search = page.getByRole("searchbox", { name: /Search findings/ });
    this.activeFilters = page.getByRole("group", { name: "Active filters" });
  }

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/posture${query}`);
    await expect(this.heading).toBeVisible();
  }

  filterButton(name: FilterName): Locator {
    return this.page.getByRole("button", { name: new RegExp(`^${name} filter`) });
  }

  /** Ticks one option of a filter menu and closes the menu. */
  async choose(filter: FilterName, option: string): Promise<void> {
    await this.filterButton(filter).click();
    await this.page.getByRole("group", { name: filter }).getByRole("checkbox", { name: option }).check();
    await this.page.keyboard.press("Escape");
  }

  rows(): Locator {
    return this.table.locator("tbody tr");
  }

  /** The text of one column in every visible row (1-based column index). */
  async columnTexts(column: number): Promise<string[]> {
    return (await this.rows().locator(`td:nth-child(${column})`).allTextContents()).map((t) => t.trim());
  }

  async waitForSettled(): Promise<void> {
    await expect(this.table).not.toHaveAttribute("aria-busy", "true");
  }
}
