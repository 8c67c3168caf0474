import "server-only";
import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject } from "ajv";
import addFormats from "ajv-formats";

const schema = JSON.parse(
  readFileSync(new URL("./schema/oscal-1.0.6_assessment-results_schema.json", import.meta.url), "utf8"),
) as object;

// strict: false because NIST's schema uses keywords beside $ref that ajv's strict mode rejects; the "u" flag
// (ajv's default unicodeRegExp) is what makes the schema's \p{L} token patterns work.
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** Errors of `doc` against the shipped OSCAL 1.0.6 assessment-results schema; [] when valid. */
export function oscalErrors(doc: unknown): ErrorObject[] {
  return validate(doc) ? [] : [...(validate.errors ?? [])];
}
