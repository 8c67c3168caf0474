import { expect, test } from "./fixtures";
import { LogsPage } from "./pages/logs.page";

// Wide enough that the demo's interventions are always in range, whatever the time of the run.
const RANGE = "?range=7d";
const DAY = 86_400_000;

test.describe("guardrails page", () => {
  test.describe.configure({ timeout: 240_000 });

  test("an analyst opens a day's interventions and a policy type's from the charts, and lands on exactly those records", async ({
    page,
    signIn,
  }) => {
    const logs = new LogsPage(page);
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await logs.waitForSeeded();
    await page.goto(`/guardrails${RANGE}`);
    await expect(page.getByRole("heading", { level: 1, name: "Guardrails" })).toBeVisible();

    const overTime = page.getByRole("region", { name: "Interventions over time" });
    await expect(overTime.getByText("From invocation logs (embedded store)")).toBeVisible();
    const chart = overTime.getByRole("img", { name: /^Invocations and guardrail interventions per day: \d/ });
    await expect(chart).toBeVisible();

    // A click on the chart opens a bucket of /logs, filtered to interventions.
    await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const box = await chart.boundingBox();
    if (!box) throw new Error("the chart has no box");
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect(page).toHaveURL(/\/logs\?.*guardrail=INTERVENED/);
    const clicked = new URL(page.url()).searchParams;
    const span = Date.parse(clicked.get("to") ?? "") - Date.parse(clicked.get("from") ?? "");
    expect(span).toBeGreaterThan(0);
    expect(span).toBeLessThanOrEqual(DAY);

    // The table view offers the same click-through as links, with the bucket's own count.
    const opened = Date.now();
    await page.goto(`/guardrails${RANGE}`);
    await overTime.getByRole("button", { name: "Table" }).click();
    const link = overTime
      .getByRole("table")
      .getByRole("link", { name: /^View the [\d,]+ interventions of / })
      .first();
    await expect(link).toBeVisible();
    const label = (await link.getAttribute("aria-label")) ?? "";
    const count = /View the ([\d,]+) interventions/.exec(label)?.[1] ?? "?";
    const href = new URL((await link.getAttribute("href")) ?? "", page.url()).searchParams;
    // The first day is clipped to the page's range, so /logs counts only what the chart counted.
    expect(Date.parse(href.get("from") ?? "")).toBeGreaterThanOrEqual(opened - 7 * DAY - 60_000);
    await link.click();
    await expect(logs.heading).toBeVisible();
    const url = new URL(page.url()).searchParams;
    expect(url.getAll("guardrail")).toEqual(["INTERVENED"]);
    expect(url.get("from")).toBe(href.get("from"));
    expect(url.get("to")).toBe(href.get("to"));
    expect(Date.parse(url.get("to") ?? "") - Date.parse(url.get("from") ?? "")).toBeLessThanOrEqual(DAY);
    // /logs counts exactly the interventions the chart showed for that day, and lists only those.
    await expect(page.getByRole("region", { name: "Volume over time" }).locator("b").first()).toHaveText(count);
    await expect(logs.rows.first()).toBeVisible();
    for (const text of await logs.rows.allTextContents()) expect(text).toContain("Intervened");

    // A policy type's row (the bar's keyboard twin) opens /logs on that policy.
    await page.goto(`/guardrails${RANGE}`);
    const byPolicy = page.getByRole("region", { name: "Interventions by policy type" });
    await byPolicy.getByRole("button", { name: "Table" }).click();
    const policyTable = byPolicy.getByRole("table");
    // All seven policy types are listed, zeros included.
    await expect(policyTable.locator("tbody tr")).toHaveCount(7);
    await policyTable.getByRole("link", { name: "View the interventions of policy type Sensitive info" }).click();
    await expect(logs.heading).toBeVisible();
    const policyUrl = new URL(page.url()).searchParams;
    expect(policyUrl.getAll("policy")).toEqual(["pii"]);
    expect(policyUrl.getAll("guardrail")).toEqual(["INTERVENED"]);
    await expect(logs.activeFilters).toContainText("Sensitive info");
    await expect(logs.rows.first()).toBeVisible();
    for (const text of await logs.rows.allTextContents()) expect(text).toContain("Intervened");
  });

  test("a viewer sees the metrics and the inventory but not the log-based trends, and is told why", async ({ page, signIn }) => {
    await signIn.goto();
    await signIn.signInAsDemo("Viewer");
    await page.goto(`/guardrails${RANGE}`);
    await expect(page.getByText(/Trends from the invocation logs are hidden/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Interventions over time" })).toHaveCount(0);
    const metrics = page.getByRole("region", { name: "Intervened vs evaluated" });
    await expect(metrics.getByText(/Demo metrics|AWS\/Bedrock\/Guardrails metrics/)).toBeVisible();
    await expect(metrics.getByRole("img", { name: /^Guardrail evaluations per day/ })).toBeVisible();
    // The server refuses the trends too, whatever the page shows.
    const filter = encodeURIComponent(
      JSON.stringify({ from: new Date(Date.now() - DAY).toISOString(), to: new Date().toISOString() }),
    );
    expect((await page.request.get(`/api/guardrails/trends?filter=${filter}&bucket=hour`)).status()).toBe(403);
  });
});
