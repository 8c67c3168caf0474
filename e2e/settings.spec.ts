import { sourceDescriptionSchema } from "../lib/schemas/source";
import { expect, test } from "./fixtures";

test.describe("settings: AWS connectivity", () => {
  test("alice (admin, OIDC) sees the accounts in effect, tests one connection and reads the last scan's errors", async ({
    page,
    signIn,
    settings,
  }) => {
    await signIn.goto();
    await signIn.signInWithIdp("alice");
    await settings.goto();

    // The table shows what the source describes: the three demo accounts, each from the demo estate.
    const source = sourceDescriptionSchema.parse(await (await page.request.get("/api/source")).json());
    expect(source.kind).toBe("demo");
    expect(source.accounts).toHaveLength(3);
    await expect(settings.accountRows).toHaveCount(3);
    for (const account of source.accounts) {
      const row = settings.accountRow(account.name);
      await expect(row).toContainText(account.accountId);
      await expect(row.getByRole("cell").nth(1)).toHaveText("demo estate");
      for (const region of account.regions) await expect(row).toContainText(region);
    }

    const [first] = source.accounts;
    if (!first) throw new Error("the demo source describes no account");
    const result = await settings.testConnection(first.name);
    await expect(result).toContainText("Connected");
    await expect(result).toContainText(new RegExp(`arn:aws:sts::${first.accountId}:assumed-role/[\\w+=,.@-]+/[\\w+=,.@-]+`));
    await expect(page.getByRole("status").filter({ hasText: `${first.name}: connected` })).toHaveCount(1);

    // The first demo boot seeds scans; the demo estate denies a few reads on purpose.
    await expect(settings.scanErrors).toBeVisible();
    await expect(settings.scanErrors).not.toContainText("The last scan collected everything");
    expect(await settings.grantChips.count()).toBeGreaterThan(0);
    await expect(settings.grantChips.first()).toHaveText(/^Grant:\s*[a-z0-9-]+:[A-Za-z]+$/);

    // The connection test is in the dashboard's audit log, attributed to alice.
    await page.reload();
    const audited = settings.auditLog.getByRole("row").filter({ hasText: "source.test_connection" }).first();
    await expect(audited).toContainText("alice@idp.test");
    await expect(audited).toContainText(first.accountId);
  });

  test("the source API is for administrators only", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInWithIdp("victor");
    expect((await page.request.get("/api/source")).status()).toBe(403);
    expect((await page.request.post("/api/source/accounts/418272790315/test")).status()).toBe(403);
  });
});
