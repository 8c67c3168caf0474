import { z } from "zod";
import { expect, test } from "./fixtures";

const overviewScore = z.object({
  scan: z
    .object({ score: z.object({ overall: z.object({ score: z.number().nullable(), grade: z.string().nullable() }) }).nullable() })
    .nullable(),
});

test.describe("posture scorecard", () => {
  test("an analyst reads the score, opens a failing check, runs a scan to 100 % and signs out", async ({
    page,
    context,
    signIn,
    overview,
    checkDetail,
  }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await overview.goto();

    // The number on screen is the score the server computed for the latest scan, not a placeholder.
    const shown = await overview.readScore();
    const api = overviewScore.parse(await (await page.request.get("/api/posture")).json());
    const overall = api.scan?.score?.overall;
    expect(overall?.score).not.toBeNull();
    expect(shown.toFixed(1)).toBe(overall?.score?.toFixed(1));
    expect(await overview.readGrade()).toBe(overall?.grade);
    await expect(overview.errors).toHaveText(/^\d+$/);

    const title = await overview.openTopFailingCheck();
    await checkDetail.expectLoaded(title);
    expect((await checkDetail.statuses())[0]).toBe("Fail");
    const evidence = await checkDetail.expandFirstEvidence();
    await expect(evidence).toContainText("{");

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await checkDetail.tab("Console").focus();
    await page.keyboard.press("ArrowRight");
    await expect(checkDetail.tab("AWS CLI")).toHaveAttribute("aria-selected", "true");
    await page.getByRole("tabpanel", { name: "AWS CLI" }).getByRole("button", { name: "Copy AWS CLI commands" }).click();
    await expect(page.getByText("AWS CLI commands copied to the clipboard")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\baws\b/);

    await overview.goto();
    await overview.runScanToCompletion();
    await expect(page.getByText(/^Scan complete\. /)).toBeVisible();

    await overview.shell.signOut();
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a viewer sees no Run-scan button and gets the 403 page for settings", async ({ page, signIn, overview }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Viewer");
    await overview.goto();
    await expect(overview.score).toBeVisible();
    await expect(overview.runScanButton).toHaveCount(0);
    await expect(overview.shell.navLink("Settings")).toHaveCount(0);
    await expect(overview.shell.accountMenu).toContainText("Viewer");

    const response = await page.goto("/settings");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();

    const unknown = await page.goto("/posture/checks/no-such-check");
    expect(unknown?.status()).toBe(404);
  });

  test("findings filters live in the URL and a reload reproduces the view", async ({ page, signIn, findings }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await findings.goto();

    await findings.choose("Severity", "High");
    await expect(page).toHaveURL(/[?&]severity=high(&|$)/);
    await findings.choose("Status", "Fail");
    await expect(page).toHaveURL(/[?&]status=FAIL(&|$)/);
    await findings.search.fill("guardrail");
    await expect(page).toHaveURL(/[?&]q=guardrail(&|$)/);
    await page.getByRole("button", { name: "Region", exact: true }).click();
    await expect(page).toHaveURL(/[?&]sort=region(&|$)/);
    await findings.waitForSettled();

    await expect(findings.rows().first()).toBeVisible();
    const statuses = await findings.columnTexts(1);
    const severities = await findings.columnTexts(2);
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Fail"]));
    expect(new Set(severities)).toEqual(new Set(["High"]));
    const before = await findings.rows().allTextContents();
    const url = page.url();

    await page.reload();
    await expect(page).toHaveURL(url);
    await expect(findings.filterButton("Severity")).toContainText("1");
    await expect(findings.activeFilters).toContainText("Severity: High");
    await expect(findings.activeFilters).toContainText("Status: Fail");
    await expect(findings.search).toHaveValue("guardrail");
    await expect(page.getByRole("columnheader", { name: "Region" })).toHaveAttribute("aria-sort", "descending");
    expect(await findings.rows().allTextContents()).toEqual(before);

    // Enter on a row's link opens that finding's check.
    await findings.rows().first().getByRole("link").focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/posture\/checks\/[a-z0-9-]+$/);

    await page.goBack();
    await findings.activeFilters.getByRole("button", { name: "Clear all" }).click();
    await expect(page).not.toHaveURL(/[?&](severity|status|q)=/);
    await expect(findings.activeFilters).toHaveCount(0);
  });
});
