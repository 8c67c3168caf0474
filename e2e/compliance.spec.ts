import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

const SOC2 = "SOC 2 (Trust Services Criteria)";

/** The framework page's parts, by role, as a screen-reader user would find them. */
class FrameworkPage {
  readonly requirements: Locator;
  readonly drawer: Locator;
  readonly exportButton: Locator;

  constructor(private readonly page: Page) {
    this.requirements = page.getByRole("table", { name: /^Requirements/ });
    this.drawer = page.getByRole("dialog", { name: /./ });
    this.exportButton = page.getByRole("button", { name: "Export evidence" });
  }

  /** Opens the first requirement whose row shows `status`, and waits for its drawer. */
  async openFirstWith(status: "Fail" | "Manual"): Promise<string> {
    // The second cell holds the status badge.
    const row = this.requirements
      .locator("tbody tr")
      .filter({ has: this.page.locator("td:nth-child(2)", { hasText: new RegExp(`^${status}$`) }) })
      .first();
    const button = row.getByRole("button").first();
    const label = (await button.textContent()) ?? "";
    // The rows are server-rendered: a click that lands before hydration does nothing, so it is retried.
    await expect(async () => {
      await button.click();
      await expect(this.drawer).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(this.drawer.getByRole("heading", { level: 2 })).toContainText(label.trim().split(/\s/)[0] ?? "");
    return label;
  }
}

test.describe("compliance", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an auditor opens a framework, a failing requirement, its findings and one finding's evidence, and may export", async ({
    page,
    signIn,
  }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Auditor");
    await page.goto("/compliance");
    await expect(page.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
    const fw = new FrameworkPage(page);
    await expect(fw.exportButton).toBeVisible();
    const card = page.getByRole("article", { name: SOC2 });
    await expect(card.getByText("Automated coverage")).toBeVisible();
    await card.getByRole("link", { name: SOC2 }).click();

    await expect(page.getByRole("heading", { level: 1, name: SOC2 })).toBeVisible();
    await expect(fw.exportButton).toBeVisible();
    await expect(page.getByRole("region", { name: "Status across scans" })).toBeVisible();
    await fw.openFirstWith("Fail");
    await expect(page).toHaveURL(/[?&]req=/);
    await expect(fw.drawer.getByText("What the customer must show")).toBeVisible();
    await expect(fw.drawer.getByRole("link", { name: /findings?$/ }).first()).toHaveAttribute("href", /^\/posture\/checks\//);

    const findings = fw.drawer.getByRole("list", { name: "Findings" });
    await expect(findings.getByRole("listitem").first()).toBeVisible();
    // Failing first: the top finding of a failing requirement fails.
    await expect(findings.getByRole("listitem").first().getByText("Fail", { exact: true })).toBeVisible();
    const evidence = findings.getByRole("button", { name: /^Evidence/ }).first();
    await evidence.click();
    await expect(evidence).toHaveAttribute("aria-expanded", "true");
    await expect(findings.locator("pre").first()).toContainText("{");

    await page.keyboard.press("Escape");
    await expect(fw.drawer).toHaveCount(0);
  });

  test("a security analyst reads compliance but gets no export button", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await page.goto("/compliance");
    await expect(page.getByRole("article", { name: SOC2 })).toBeVisible();
    await expect(page.getByRole("button", { name: "Export evidence" })).toHaveCount(0);
    await page.goto("/compliance/soc2");
    await expect(page.getByRole("table", { name: /^Requirements/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Export evidence" })).toHaveCount(0);
  });

  test("an administrator attests a MANUAL requirement and sees it become ATTESTED", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Administrator");
    await page.goto("/compliance/soc2?status=MANUAL");
    const fw = new FrameworkPage(page);
    await expect(fw.requirements).toBeVisible();
    const label = await fw.openFirstWith("Manual");
    const id = label.trim().split(/\s/)[0] ?? "";

    const form = fw.drawer.getByRole("form", { name: "Attest" });
    await form.getByLabel("Statement").fill("Reviewed the access list with the CISO on 28 November.");
    await form
      .getByLabel(/Attachment/)
      .setInputFiles({ name: "review.txt", mimeType: "text/plain", buffer: Buffer.from("minutes") });
    await form.getByRole("button", { name: "Attest" }).click();

    await expect(fw.drawer.getByText("Reviewed the access list with the CISO on 28 November.")).toBeVisible();
    await expect(fw.drawer.getByText("Attested", { exact: true }).first()).toBeVisible();
    const download = fw.drawer.getByRole("link", { name: "Download review.txt" });
    await expect(download).toBeVisible();
    const file = await page.request.get((await download.getAttribute("href")) ?? "");
    expect(await file.text()).toBe("minutes");
    // Filtered to ATTESTED, the table now lists the requirement.
    await page.keyboard.press("Escape");
    await page.goto("/compliance/soc2?status=ATTESTED");
    const row = fw.requirements.locator("tbody tr").filter({ hasText: id });
    await expect(row.getByText("Attested", { exact: true })).toBeVisible();
  });
});
