import { expect, type Locator, type Page } from "@playwright/test";
import { Shell } from "./shell";

export class OverviewPage {
  readonly shell: Shell;
  readonly heading: Locator;
  readonly score: Locator;
  readonly grade: Locator;
  readonly errors: Locator;
  readonly runScanButton: Locator;
  readonly progress: Locator;
  readonly topFailingChecks: Locator;

  constructor(private readonly page: Page) {
    this.shell = new Shell(page);
    this.heading = page.getByRole("heading", { level: 1, name: "Overview" });
    const scoreCard = page.getByRole("region", { name: "Security score" });
    this.score = scoreCard.getByTestId("overall-score");
    this.grade = scoreCard.getByRole("img", { name: /^Grade [A-F]$/ });
    this.errors = scoreCard.getByTestId("error-count");
    this.runScanButton = page.getByRole("button", { name: "Run scan" });
    this.progress = page.getByRole("progressbar", { name: "Scan progress" });
    this.topFailingChecks = page
      .getByRole("region", { name: "Top failing checks" })
      .getByRole("link")
      .filter({ hasNotText: "All checks" });
  }

  async goto(): Promise<void> {
    await this.page.goto("/");
    await expect(this.heading).toBeVisible();
  }

  async readScore(): Promise<number> {
    const text = (await this.score.textContent())?.trim() ?? "";
    const value = Number(text);
    expect(Number.isFinite(value), `score "${text}" is a number`).toBe(true);
    return value;
  }

  async readGrade(): Promise<string> {
    const label = (await this.grade.getAttribute("aria-label")) ?? "";
    return label.replace("Grade ", "");
  }

  /** Opens the first (most severe) failing check and returns its title. */
  async openTopFailingCheck(): Promise<string> {
    const first = this.topFailingChecks.first();
    const title = (await first.locator("[data-check-title]").textContent())?.trim() ?? "";
    await first.click();
    return title;
  }

  /** Starts a scan and waits until its progress bar reports 100 %. */
  async runScanToCompletion(): Promise<void> {
    await this.runScanButton.click();
    await expect(this.progress).toBeVisible();
    await expect(this.progress).toHaveAttribute("aria-valuenow", "100", { timeout: 60_000 });
    await expect(this.page.getByText("Scan complete", { exact: true })).toBeVisible();
  }
}
