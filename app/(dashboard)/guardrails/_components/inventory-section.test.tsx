import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GuardrailInventoryResponse, GuardrailView } from "@/lib/schemas/guardrail-inventory";
import { guardrailInventoryQuerySchema } from "@/lib/schemas/guardrail-inventory";
import { guardrailInventoryKeys } from "@/hooks/use-guardrail-inventory";
import { sqliteTestDb, type TestDb } from "@/server/db/testing";
import { readGuardrailInventory } from "@/server/guardrails/inventory";
import { GuardrailDetails } from "./inventory-details";
import { GuardrailInventorySection } from "./inventory-section";
import { runDemoScan } from "@/server/scans/testing";

const AT = new Date("2026-11-27T06:00:00Z");
let t: TestDb;
let inventory: GuardrailInventoryResponse;

beforeAll(async () => {
  t = await sqliteTestDb();
  await runDemoScan(t.db, { id: "s", at: AT });
  inventory = await readGuardrailInventory(t.db, guardrailInventoryQuerySchema.parse({}));
});
afterAll(() => t.close());

function render(data: GuardrailInventoryResponse): string {
  const client = new QueryClient();
  client.setQueryData(guardrailInventoryKeys.list({}), data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <GuardrailInventorySection />
    </QueryClientProvider>,
  );
}
const find = (name: string): GuardrailView => {
  const g = inventory.regions.flatMap((r) => r.guardrails ?? []).find((x) => x.name === name);
  if (!g) throw new Error(`no ${name}`);
  return g;
};

describe("GuardrailInventorySection", () => {
  it("groups the demo guardrails by account and region and shows a denied part with its IAM action", () => {
    const html = render(inventory);
    for (const name of ["phi-clinical-assistant", "clinical-assistant-staging", "sandbox-test"]) expect(html).toContain(name);
    expect(html).toContain("halcyon-sandbox");
    expect(html).toContain("Enforced guardrail configurations unavailable");
    expect(html).toContain("bedrock:ListEnforcedGuardrailsConfiguration");
  });

  it("shows the empty state's message when no scan has completed", () => {
    const html = render({ scan: null, regions: [], emptyMessage: "No scan has completed yet, nothing here." });
    expect(html).toContain("No guardrail inventory yet");
    expect(html).toContain("No scan has completed yet, nothing here.");
  });

  it("renders a guardrail's settings with strengths, PII actions and its weak settings linked to their checks", () => {
    const html = renderToStaticMarkup(<GuardrailDetails g={find("sandbox-test")} />);
    expect(html).toContain('href="/posture/checks/bedrock-guardrail-prompt-attack-high"');
    expect(html).toMatch(/aria-label="Prompt attack input: LOW"/);
    const clinical = renderToStaticMarkup(<GuardrailDetails g={find("phi-clinical-assistant")} />);
    expect(clinical).toContain("arn:aws:kms:us-east-1:");
    expect(clinical).toMatch(/aria-label="HATE output: HIGH"/);
    expect(clinical).toContain("· checked");
  });

  it("renders strings from AWS as text, never markup", () => {
    const g = find("sandbox-test");
    const [weak] = g.weakSettings;
    const [region] = inventory.regions;
    if (!weak || !region) throw new Error("the demo scan should have a weak setting and a region");
    const hostile = {
      ...g,
      name: '<img src=x onerror="alert(1)">',
      weakSettings: [{ ...weak, message: "<script>x()</script>" }],
    };
    const data: GuardrailInventoryResponse = { ...inventory, regions: [{ ...region, guardrails: [hostile] }] };
    const html = render(data) + renderToStaticMarkup(<GuardrailDetails g={hostile} />);
    expect(html).not.toContain("<img src=x");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;img src=x");
  });
});
