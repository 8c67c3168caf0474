import { guardrailInventoryQuerySchema } from "@/lib/schemas/guardrail-inventory";
import { getDb } from "@/server/db";
import { readGuardrailInventory } from "@/server/guardrails/inventory";
import { route } from "@/server/http/route";

export const GET = route({ permission: "posture:read", query: guardrailInventoryQuerySchema }, async ({ query }) =>
  readGuardrailInventory(await getDb(), query),
);
