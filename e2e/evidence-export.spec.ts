import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "./fixtures";

let dir = "";
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "strata-e2e-export-"));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe("evidence export", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an auditor exports a framework's bundle with progress, downloads it and verifies it on the verification page", async ({
    page,
    signIn,
  }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Auditor");
    await page.goto("/compliance/soc2");
    await expect(page.getByRole("heading", { level: 1, name: /SOC 2/ })).toBeVisible();

    // The button is server-rendered and its dialog loads after the page: a click before that does nothing.
    const dialog = page.getByRole("dialog", { name: "Export evidence bundle" });
    await expect(async () => {
      await page.getByRole("button", { name: "Export evidence" }).click();
      await expect(dialog).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await expect(dialog.getByText("Accounts")).toBeVisible();
    await dialog.getByRole("button", { name: "Build bundle" }).click();

    const download = dialog.getByRole("link", { name: /^Download \(/ });
    await expect(download).toBeVisible({ timeout: 60_000 });
    await expect(dialog.getByText(/\.zip is ready and signed\./)).toBeVisible();
    const manifestHash =
      (await dialog
        .getByTitle(/^[0-9a-f]{64}$/)
        .first()
        .textContent()) ?? "";
    expect(manifestHash).toMatch(/^[0-9a-f]{64}$/);

    const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
    expect(file.suggestedFilename()).toMatch(/^strata-evidence-soc2-.+\.zip$/);
    const path = join(dir, file.suggestedFilename());
    await file.saveAs(path);

    await dialog.getByRole("link", { name: "Verify evidence" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verify evidence" })).toBeVisible();
    await page.getByLabel("Evidence bundles (.zip)").setInputFiles([path]);
    await page.getByRole("button", { name: /^Verify/ }).click();
    const valid = page.getByRole("region", { name: `${file.suggestedFilename()}: valid` });
    await expect(valid.getByText("VALID", { exact: true })).toBeVisible();
    await expect(valid.getByText(/^All \d+ checks passed/)).toBeVisible();
    await expect(valid.getByText(manifestHash).first()).toBeVisible();
    await expect(valid.getByRole("row", { name: /report\.pdf.*Verified/ })).toBeVisible();
    await expect(valid.getByRole("row", { name: /oscal\/assessment-results\.json.*Verified/ })).toBeVisible();

    // The same manifest is on the chain this dashboard recorded, with who exported it.
    const history = page.getByRole("region", { name: "Exports from this dashboard" });
    const row = history.getByRole("row").filter({ has: page.getByTitle(manifestHash, { exact: true }) });
    await expect(row).toContainText("soc2");
    await expect(row).toContainText("auditor");
  });

  test("an analyst is not offered the export, and the API refuses it", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await page.goto("/compliance/soc2");
    await expect(page.getByRole("heading", { level: 1, name: /SOC 2/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Export evidence" })).toHaveCount(0);
    const refused = await page.request.post("/api/evidence/exports", { data: { scanId: "any", framework: "soc2" } });
    expect(refused.status()).toBe(403);
  });
});
