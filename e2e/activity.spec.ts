import { expect, test } from "./fixtures";
import { LogsPage } from "./pages/logs.page";

// The demo's incident lies within the 30 days before the end of its history (server/activity/demo/incident.ts).
const RANGE = "?range=30d";
const STOLEN_KEY = "arn:aws:iam::672443109827:user/dev-jmorales";

test.describe("Bedrock activity from CloudTrail", () => {
  test.describe.configure({ timeout: 240_000 });

  test("an analyst finds the logging deletion, opens its event and reads the raw record on demand", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    // The activity history ends where the demo logs do; wait until that end is fixed.
    await new LogsPage(page).waitForSeeded();
    await page.goto(`/activity${RANGE}`);
    await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();

    const detections = page.getByRole("region", { name: "Detections", exact: true });
    const deleted = detections.locator("li", { has: page.getByRole("heading", { name: "Model invocation logging deleted" }) });
    await expect(deleted).toHaveCount(1, { timeout: 60_000 });
    await expect(deleted).toHaveAttribute("data-severity", "critical");
    await expect(deleted).toContainText("Critical");
    await expect(deleted).toContainText("eu-west-1");
    await expect(deleted.getByRole("link", { name: /^Affects check:/ })).toHaveAttribute(
      "href",
      "/posture/checks/bedrock-invocation-logging-enabled",
    );
    // Most severe first.
    await expect(detections.locator("li").first()).toHaveAttribute("data-severity", "critical");

    await deleted.getByRole("button", { name: /^1 event/ }).click();
    const drawer = page.getByRole("dialog", { name: "DeleteModelInvocationLoggingConfiguration" });
    await expect(drawer).toBeVisible();
    await expect(drawer.getByRole("region", { name: "Event", exact: true })).toContainText("eu-west-1");
    await expect(drawer).toContainText(STOLEN_KEY);
    await expect(drawer.getByRole("link", { name: "Invocations by this principal" })).toHaveAttribute(
      "href",
      `/logs?${new URLSearchParams({ principal: STOLEN_KEY, range: "30d" }).toString()}`,
    );

    // Raw only on demand.
    const raw = drawer.getByLabel("Raw CloudTrail event");
    await expect(raw).toHaveCount(0);
    await drawer.getByRole("button", { name: "Show raw event" }).click();
    await expect(raw).toContainText('"eventName": "DeleteModelInvocationLoggingConfiguration"');
    await expect(raw).toContainText('"awsRegion": "eu-west-1"');

    await page.keyboard.press("Escape");
    await expect(drawer).toBeHidden();

    // The events table pages on demand, and its rows never carry the raw record.
    const table = page.getByRole("region", { name: "Events", exact: true });
    await expect(table.locator("tbody tr").first()).toBeVisible();
    const before = await table.locator("tbody tr").count();
    await table.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThan(before);
    const url = new URL(page.url());
    expect(url.searchParams.get("range")).toBe("30d");
    const listed = await page.request.post("/api/activity/events", {
      data: { filter: { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date().toISOString() }, limit: 5 },
    });
    expect(listed.ok()).toBe(true);
    expect(await listed.text()).not.toContain('"raw"');
  });
});
