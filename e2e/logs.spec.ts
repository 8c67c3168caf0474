import { logDetailSchema } from "../lib/schemas/log-detail";
import { expect, test } from "./fixtures";
import { LogsPage } from "./pages/logs.page";

// Wide enough that the demo's interventions are always in range, whatever the time of the run.
const RANGE = "?range=7d";

const recordId = (url: string) => new URL(url).searchParams.get("id");

test.describe("invocation log explorer", () => {
  test.describe.configure({ timeout: 240_000 });

  test("an auditor filters on guardrail interventions and sees a record redacted, with no Reveal", async ({ page, signIn }) => {
    const logs = new LogsPage(page);
    await signIn.goto();
    await signIn.signInAsDemo("Auditor");
    await logs.waitForSeeded();
    await logs.goto(RANGE);

    await logs.facet("Guardrail action", /^Intervened, /).click();
    await expect(page).toHaveURL(/[?&]guardrail=INTERVENED(&|$)/);
    await expect(logs.activeFilters).toContainText("Intervened");
    await expect(logs.rows.first()).toBeVisible();
    // Every row on screen is an intervention: the facet reached the server's filter.
    const guardrailCells = await logs.rows.evaluateAll((rows) => rows.map((r) => r.textContent ?? ""));
    expect(guardrailCells.length).toBeGreaterThan(0);
    for (const text of guardrailCells) expect(text).toContain("Intervened");

    await logs.openRow(0);
    const id = recordId(page.url());
    expect(id).toBeTruthy();
    await expect(logs.drawer.getByText("Prompt and response are redacted")).toBeVisible();
    await expect(logs.revealButton).toHaveCount(0);
    // The trace highlights what fired.
    await expect(logs.drawer.locator("tr[data-fired]").first()).toBeVisible();

    // The server agrees: the auditor cannot reveal.
    const reveal = await page.request.post(`/api/logs/records/${encodeURIComponent(id ?? "")}/reveal`, {
      data: { justification: "auditor trying to read the body" },
    });
    expect(reveal.status()).toBe(403);

    await page.keyboard.press("Escape");
    await expect(logs.drawer).toBeHidden();
    await expect(page).not.toHaveURL(/[?&]id=/);
  });

  test("an analyst reveals a body with a justification, and the admin finds the reveal in the audit log", async ({
    page,
    signIn,
    settings,
  }) => {
    const logs = new LogsPage(page);
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await logs.waitForSeeded();
    await logs.goto(`${RANGE}&guardrail=INTERVENED`);
    await expect(logs.activeFilters).toContainText("Intervened");

    await logs.openRow(0);
    const id = recordId(page.url());
    if (!id) throw new Error("opening a row put no record id in the URL");
    await expect(logs.drawer.getByText("Prompt and response are redacted")).toBeVisible();

    // j moves to the next record of the filtered list, k back.
    await page.keyboard.press("j");
    await expect.poll(() => recordId(page.url())).not.toBe(id);
    await page.keyboard.press("k");
    await expect.poll(() => recordId(page.url())).toBe(id);

    const justification = `e2e ${Date.now()}: check whether PII reached the model`;
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/logs/records/${encodeURIComponent(id)}/reveal`));
    await logs.reveal(justification);
    const detail = logDetailSchema.parse(await (await answer).json());
    if (detail.bodies.redacted) throw new Error("the reveal answered with redacted bodies");
    const prompt = logs.drawer.getByRole("tabpanel", { name: "Prompt" });
    await expect(prompt).toBeVisible();
    // The text on screen is the record's prompt, as text (first line, control characters aside).
    const firstLine = detail.bodies.promptText.split("\n").find((l) => /^[\x20-\x7e]{12,}$/.test(l.trim()));
    if (firstLine) await expect(prompt).toContainText(firstLine.trim().slice(0, 60));
    else expect(detail.bodies.promptText.length).toBeGreaterThan(0);

    // Closing and reopening the record redacts it again: a reveal is for that moment only.
    await page.keyboard.press("Escape");
    await logs.openRow(0);
    await expect(logs.drawer.getByText("Prompt and response are redacted")).toBeVisible();

    await page.context().clearCookies();
    await signIn.goto();
    await signIn.signInAsDemo("Administrator");
    await settings.goto();
    // The justification is unique to this run, so exactly one row is this reveal.
    const row = settings.auditLog
      .getByRole("row")
      .filter({ hasText: "logs.reveal" })
      .filter({ hasText: id })
      .filter({ hasText: justification });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("analyst");
  });

  test("hostile prompt content renders as inert text with control characters spelled out", async ({ page, signIn }) => {
    const logs = new LogsPage(page);
    await signIn.goto();
    await signIn.signInAsDemo("Security analyst");
    await logs.waitForSeeded();
    // One of the demo's hostile records: ANSI escapes, NUL, bidi overrides in prompt, response and metadata.
    await logs.goto(`?range=30d&q=${encodeURIComponent("Control characters")}`);
    await logs.openRow(0);
    await logs.reveal("e2e: check that hostile content renders inertly");
    const prompt = logs.drawer.getByRole("tabpanel", { name: "Prompt" });
    await expect(prompt).toContainText("Control characters:\\u0000\\u0001");
    await expect(prompt).toContainText("\\u001b[31mRED");
    await expect(logs.drawer.getByRole("table", { name: "Request metadata" })).toContainText("\\u202eevil-tenant\\u202c");
    // Nothing from the logged text became markup.
    expect(await page.locator("main script, aside script, aside img, aside iframe").count()).toBe(0);
  });
});
