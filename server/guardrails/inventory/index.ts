import "server-only";

export { NO_SCAN_MESSAGE, readGuardrailInventory } from "./read";
