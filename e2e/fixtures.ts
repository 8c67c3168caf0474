import { test as base } from "@playwright/test";
import { CheckDetailPage } from "./pages/check-detail.page";
import { FindingsPage } from "./pages/findings.page";
import { OverviewPage } from "./pages/overview.page";
import { SettingsPage } from "./pages/settings.page";
import { SignInPage } from "./pages/sign-in.page";

type Pages = {
  signIn: SignInPage;
  overview: OverviewPage;
  findings: FindingsPage;
  checkDetail: CheckDetailPage;
  settings: SettingsPage;
};

/** Playwright's test with one page object per screen, built on the test's own page. */
export const test = base.extend<Pages>({
  signIn: async ({ page }, provide) => provide(new SignInPage(page)),
  overview: async ({ page }, provide) => provide(new OverviewPage(page)),
  findings: async ({ page }, provide) => provide(new FindingsPage(page)),
  checkDetail: async ({ page }, provide) => provide(new CheckDetailPage(page)),
  settings: async ({ page }, provide) => provide(new SettingsPage(page)),
});

export { expect } from "@playwright/test";
