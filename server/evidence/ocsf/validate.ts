import "server-only";
import {
  resolveOcsfClass,
  type OcsfSchema,
  type ResolvedAttribute,
  type ResolvedObject,
  type ResolvedType,
} from "./schema-resolve";

/** One problem in a record, at a JSON path such as `$.compliance.status_id` or `$.observables[2].type_id`. */
export type OcsfProblem = { path: string; message: string };

/** Profiles our records declare in `metadata.profiles`; attributes of other profiles count as unknown. */
const OCSF_PROFILES = ["cloud"] as const;

let compliance: OcsfSchema | undefined;
/** OCSF 1.2.0 Compliance Finding (class_uid 2003), resolved once from the copied sources. */
export function complianceFindingSchema(): OcsfSchema {
  compliance ??= resolveOcsfClass("findings/compliance_finding", OCSF_PROFILES);
  return compliance;
}

const INT32 = 2 ** 31;
const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const describe = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "an array" : typeof v);
const child = (path: string, key: string) =>
  /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

function scalarProblem(v: unknown, t: ResolvedType): string | undefined {
  const expected = t.name === t.base ? t.name : `${t.name} (${t.base})`;
  switch (t.base) {
    case "json_t":
      return undefined;
    case "string_t":
      if (typeof v !== "string") return `expected ${expected}, got ${describe(v)}`;
      if (t.maxLen !== undefined && v.length > t.maxLen) return `${t.name} is longer than ${t.maxLen} characters`;
      if (t.regex && !t.regex.test(v)) return `${JSON.stringify(v)} is not a valid ${t.name}`;
      return undefined;
    case "boolean_t":
      return typeof v === "boolean" ? undefined : `expected ${expected}, got ${describe(v)}`;
    case "float_t":
      return typeof v === "number" && Number.isFinite(v) ? undefined : `expected ${expected}, got ${describe(v)}`;
    case "integer_t":
    case "long_t": {
      const ok = t.base === "integer_t" ? Number.isInteger(v) && Math.abs(v as number) < INT32 : Number.isSafeInteger(v);
      if (!ok) return `expected ${expected}, got ${typeof v === "number" ? String(v) : describe(v)}`;
      if (t.range && ((v as number) < t.range[0] || (v as number) > t.range[1]))
        return `${String(v)} is outside ${t.name}'s range ${t.range[0]}–${t.range[1]}`;
      return undefined;
    }
    default:
      return `the schema's base type ${t.base} is not supported`;
  }
}

class Validator {
  readonly problems: OcsfProblem[] = [];
  constructor(private readonly schema: OcsfSchema) {}

  private report(path: string, message: string) {
    this.problems.push({ path, message });
  }

  object(value: unknown, def: ResolvedObject, path: string) {
    if (!isPlainObject(value)) return this.report(path, `expected a ${def.name} object, got ${describe(value)}`);
    if (def.open) return;
    for (const [name, attr] of def.attributes) {
      if (attr.requirement === "required" && value[name] === undefined)
        this.report(child(path, name), `required attribute of ${def.name} is missing`);
    }
    for (const [key, v] of Object.entries(value)) {
      const attr = def.attributes.get(key);
      if (!attr) this.report(child(path, key), `unknown attribute of ${def.name} (extras belong in unmapped)`);
      else if (v !== undefined) this.attribute(v, attr, child(path, key), value);
    }
    const present = (names: readonly string[]) => names.filter((n) => value[n] !== undefined).length;
    const { at_least_one: atLeastOne, just_one: justOne } = def.constraints;
    if (atLeastOne && present(atLeastOne) === 0) this.report(path, `${def.name} needs at least one of ${atLeastOne.join(", ")}`);
    if (justOne && present(justOne) !== 1) this.report(path, `${def.name} needs exactly one of ${justOne.join(", ")}`);
  }

  private attribute(v: unknown, attr: ResolvedAttribute, path: string, parent: Record<string, unknown>) {
    if (!attr.isArray) return this.value(v, attr, path, parent);
    if (!Array.isArray(v)) return this.report(path, `expected an array of ${attr.type}, got ${describe(v)}`);
    v.forEach((item, i) => this.value(item, attr, `${path}[${i}]`, undefined));
  }

  private value(v: unknown, attr: ResolvedAttribute, path: string, parent: Record<string, unknown> | undefined) {
    const type = this.schema.types.get(attr.type);
    if (!type) {
      const def = this.schema.objects.get(attr.type);
      if (def) this.object(v, def, path);
      else this.report(path, `the schema has no type or object ${attr.type}`);
      return;
    }
    const problem = scalarProblem(v, type);
    if (problem) return this.report(path, problem);
    if (!attr.enum || typeof v !== "number") return;
    const caption = attr.enum.get(v);
    if (caption === undefined) return this.report(path, `${v} is not one of ${[...attr.enum.keys()].join(", ")}`);
    // The sibling string is the id's caption, except for Other (99), where the source names it.
    const sibling = attr.sibling && parent ? parent[attr.sibling] : undefined;
    if (attr.sibling && typeof sibling === "string" && v !== 99 && sibling !== caption)
      this.report(
        child(path.slice(0, path.lastIndexOf(".")), attr.sibling),
        `${JSON.stringify(sibling)} is not the caption of ${v} (${caption})`,
      );
  }
}

/** Every problem in one record against the class: required attributes, types, enums, arrays, unknown attributes. */
export function validateOcsfRecord(record: unknown, schema: OcsfSchema = complianceFindingSchema()): OcsfProblem[] {
  const v = new Validator(schema);
  v.object(record, schema.eventClass, "$");
  return v.problems;
}
