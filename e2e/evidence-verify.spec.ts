import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { writeEvidenceFixtures } from "./fixtures/evidence-bundles";
import type { EvidenceFixtures } from "./fixtures/write-evidence-bundles";

let dir = "";
let bundles: EvidenceFixtures;
test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "strata-e2e-verify-"));
  bundles = writeEvidenceFixtures(dir);
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function verify(page: Page, files: string[]) {
  await page.getByLabel("Evidence bundles (.zip)").setInputFiles(files);
  await page.getByRole("button", { name: /^Verify/ }).click();
}

/** Drops a file on the drop zone as a drag from the desktop would. */
async function drop(page: Page, path: string) {
  const file = { name: basename(path), content: readFileSync(path, "utf8") };
  const dataTransfer = await page.evaluateHandle(({ name, content }) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([content], name));
    return transfer;
  }, file);
  await page.getByText("Drop evidence bundles here").locator("..").dispatchEvent("drop", { dataTransfer });
}

test.describe("evidence verification page", () => {
  test.beforeEach(async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Auditor");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Verify evidence" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Verify evidence" })).toBeVisible();
  });

  test("an auditor verifies a valid bundle, then a tampered one that names the changed file", async ({ page }) => {
    await verify(page, [bundles.valid]);
    const result = page.getByRole("region", { name: "Verification result" });
    const valid = result.getByRole("region", { name: "evidence-2026-01.zip: valid" });
    await expect(valid.getByText("VALID", { exact: true })).toBeVisible();
    await expect(valid.getByText(/^All \d+ checks passed/)).toBeVisible();
    await expect(valid.getByText("scan-42", { exact: true })).toBeVisible();
    await expect(valid.getByRole("button", { name: "Copy Manifest SHA-256" })).toBeVisible();
    const files = valid.getByRole("table", { name: "Files of evidence-2026-01.zip" });
    await expect(files.getByRole("row")).toHaveCount(5);
    await expect(files.getByRole("row", { name: /findings\.csv.*Verified/ })).toBeVisible();

    // A new list replaces the result; the tampered bundle fails on exactly the changed file.
    await page.getByRole("button", { name: "Clear" }).click();
    await expect(valid).toBeHidden();
    await verify(page, [bundles.tampered]);
    const invalid = result.getByRole("region", { name: "evidence-tampered.zip: invalid" });
    await expect(invalid.getByText("INVALID", { exact: true })).toBeVisible();
    const failed = invalid.getByRole("list", { name: "Failed checks of evidence-tampered.zip" }).getByRole("listitem");
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText(bundles.tamperedFile);
    await expect(failed).toContainText(`${bundles.tamperedFile}: SHA-256 mismatch: the manifest says`);
    await expect(invalid.getByRole("row", { name: /findings\.csv.*Failed/ })).toBeVisible();
  });

  test("a dropped file that is not a ZIP gets the verifier's precise message", async ({ page }) => {
    await drop(page, bundles.notZip);
    await expect(page.getByRole("list", { name: "Bundles to verify, oldest first" })).toContainText("notes.zip");
    await page.getByRole("button", { name: /^Verify/ }).click();
    const invalid = page.getByRole("region", { name: "notes.zip: invalid" });
    await expect(invalid.getByText("INVALID", { exact: true })).toBeVisible();
    await expect(invalid.getByRole("list", { name: "Failed checks of notes.zip" })).toContainText(
      "Not a ZIP file: it has no ZIP signature and no end-of-central-directory record.",
    );
  });

  test("a chain verifies in order, and reordering it names the broken link", async ({ page }) => {
    await verify(page, [...bundles.chain]);
    const result = page.getByRole("region", { name: "Verification result" });
    await expect(result.getByText("Chain of 2 bundles, in the order given")).toBeVisible();
    await expect(result.getByText("VALID", { exact: true }).first()).toBeVisible();
    await expect(result.getByText("INVALID", { exact: true })).toHaveCount(0);

    // By keyboard: the moved row's "earlier" button is disabled at the top, so focus goes to its "later" one.
    await page.getByRole("button", { name: "Move chain-2-february.zip earlier in the chain" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Move chain-2-february.zip later in the chain" })).toBeFocused();
    await expect(page.getByRole("list", { name: "Bundles to verify, oldest first" }).getByRole("listitem").first()).toContainText(
      "chain-2-february.zip",
    );
    await expect(result.getByText("Chain of 2 bundles, in the order given")).toBeHidden();
    await page.getByRole("button", { name: /^Verify/ }).click();
    const links = result.getByRole("list", { name: "Chain links" });
    await expect(links).toContainText("Bundle 1 · chain-2-february.zip → Bundle 2 · chain-1-january.zip");
    await expect(links).toContainText("(the two are in reverse order: chain-2-february.zip follows chain-1-january.zip).");
  });
});
