import "server-only";
import {
  hasSchemaFile,
  readCategories,
  readDefinition,
  readDictionary,
  readVersion,
  type AttributeSpec,
  type Constraints,
  type Definition,
  type Dictionary,
} from "./schema-files";

type Requirement = "required" | "recommended" | "optional";

export type ResolvedAttribute = {
  readonly type: string;
  readonly isArray: boolean;
  readonly requirement: Requirement;
  /** id → caption; absent when the attribute is not an enum. */
  readonly enum?: ReadonlyMap<number, string>;
  readonly sibling?: string;
};

export type ResolvedObject = {
  readonly name: string;
  /** The generic `object` type (e.g. `unmapped`): any attributes are allowed. */
  readonly open: boolean;
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
  readonly constraints: NonNullable<Constraints>;
};

export type ResolvedType = {
  readonly name: string;
  /** The primitive at the end of the `type` chain, e.g. timestamp_t → long_t. */
  readonly base: string;
  readonly maxLen?: number;
  readonly regex?: RegExp;
  readonly range?: readonly [number, number];
  readonly values?: readonly unknown[];
};

export type OcsfSchema = {
  readonly version: string;
  readonly eventClass: ResolvedObject & { readonly uid: number; readonly categoryUid: number };
  readonly objects: ReadonlyMap<string, ResolvedObject>;
  readonly types: ReadonlyMap<string, ResolvedType>;
};

type Spec = AttributeSpec & { profile?: string | null };

function mergeSpec(a: Spec | undefined, b: Spec): Spec {
  if (!a) return b;
  // Enums merge entry by entry, as OCSF's own compiler does: a class adds values to the dictionary's.
  const merged = a.enum || b.enum ? { ...a.enum, ...b.enum } : undefined;
  return { ...a, ...b, profile: b.profile ?? a.profile, ...(merged && { enum: merged }) };
}

/** The attributes a definition declares: its `$include`s (profiles marked as such), then its own. */
function ownSpecs(def: Definition): Map<string, Spec> {
  const out = new Map<string, Spec>();
  const includes = def.attributes.$include;
  for (const path of Array.isArray(includes) ? includes : []) {
    const included = readDefinition(path);
    const profile = path.startsWith("profiles/") ? (included.name ?? null) : null;
    for (const [name, spec] of Object.entries(included.attributes)) {
      if (Array.isArray(spec)) continue;
      out.set(name, mergeSpec(out.get(name), { ...spec, profile: spec.profile ?? profile }));
    }
  }
  for (const [name, spec] of Object.entries(def.attributes)) {
    if (!Array.isArray(spec)) out.set(name, mergeSpec(out.get(name), spec));
  }
  return out;
}

/** Definitions from the root of the `extends` chain down to `def`. */
function chain(def: Definition, read: (name: string) => Definition): Definition[] {
  const out = [def];
  for (let d = def; d.extends;) {
    d = read(d.extends);
    out.unshift(d);
  }
  return out;
}

function finalize(
  defs: Definition[],
  dictionary: Dictionary,
  profiles: ReadonlySet<string>,
  where: string,
): Map<string, ResolvedAttribute> {
  const specs = new Map<string, Spec>();
  for (const def of defs) for (const [name, spec] of ownSpecs(def)) specs.set(name, mergeSpec(specs.get(name), spec));
  const out = new Map<string, ResolvedAttribute>();
  for (const [name, local] of specs) {
    if (local.profile && !profiles.has(local.profile)) continue;
    const base = dictionary.attributes[name];
    if (!base) throw new Error(`OCSF ${where}.${name} is not in the dictionary`);
    const spec = mergeSpec(base, local);
    if (!spec.type) throw new Error(`OCSF ${where}.${name} has no type`);
    out.set(name, {
      type: spec.type,
      isArray: spec.is_array === true,
      requirement: spec.requirement ?? "optional",
      ...(spec.enum && { enum: new Map(Object.entries(spec.enum).map(([id, v]) => [Number(id), v.caption])) }),
      ...(spec.sibling && { sibling: spec.sibling }),
    });
  }
  return out;
}

function resolveTypes(dictionary: Dictionary): Map<string, ResolvedType> {
  const specs = dictionary.types.attributes;
  const out = new Map<string, ResolvedType>();
  const resolve = (name: string, depth = 0): ResolvedType => {
    const known = out.get(name);
    if (known) return known;
    const spec = specs[name];
    if (!spec || depth > 8) throw new Error(`OCSF type ${name} is not defined`);
    const parent = spec.type ? resolve(spec.type, depth + 1) : undefined;
    const maxLen = spec.max_len ?? parent?.maxLen;
    const regex = spec.regex ? new RegExp(spec.regex) : parent?.regex;
    const range = spec.range ?? parent?.range;
    const values = spec.values ?? parent?.values;
    const resolved: ResolvedType = {
      name,
      base: parent?.base ?? name,
      ...(maxLen !== undefined && { maxLen }),
      ...(regex && { regex }),
      ...(range && { range }),
      ...(values && { values }),
    };
    out.set(name, resolved);
    return resolved;
  };
  for (const name of Object.keys(specs)) resolve(name);
  return out;
}

/**
 * Resolves one event class (e.g. `findings/compliance_finding`) from the copied sources: its
 * `extends` chain, includes, the given profiles, and every object it reaches, recursively.
 */
export function resolveOcsfClass(classPath: string, profiles: readonly string[]): OcsfSchema {
  const dictionary = readDictionary();
  const types = resolveTypes(dictionary);
  const active = new Set(profiles);
  const folder = classPath.includes("/") ? classPath.slice(0, classPath.lastIndexOf("/") + 1) : "";
  // A parent class sits next to its child (finding) or at the top of events/ (base_event).
  const readClass = (name: string) =>
    readDefinition(hasSchemaFile(`events/${folder}${name}.json`) ? `events/${folder}${name}.json` : `events/${name}.json`);
  const leaf = readDefinition(`events/${classPath}.json`);
  const attributes = finalize(chain(leaf, readClass), dictionary, active, leaf.name ?? classPath);

  const category = leaf.category ? readCategories()[leaf.category] : undefined;
  if (!category || leaf.uid === undefined) throw new Error(`OCSF class ${classPath} has no category or uid`);
  const uid = category.uid * 1000 + leaf.uid;
  const activities = attributes.get("activity_id")?.enum ?? new Map<number, string>();
  const derive = (name: string, values: [number, string][]) => {
    const attr = attributes.get(name);
    if (attr) attributes.set(name, { ...attr, enum: new Map(values) });
  };
  // The compiled schema narrows these to the class itself; the sources leave that to the compiler.
  derive("class_uid", [[uid, leaf.caption ?? classPath]]);
  derive("category_uid", [[category.uid, category.caption]]);
  derive(
    "type_uid",
    [...activities].map(([id, caption]) => [uid * 100 + id, `${leaf.caption ?? classPath}: ${caption}`]),
  );

  const objects = new Map<string, ResolvedObject>();
  const pending = [...attributes.values()].map((a) => a.type);
  while (pending.length) {
    const name = pending.pop();
    if (name === undefined || types.has(name) || objects.has(name)) continue;
    const defs = chain(readDefinition(`objects/${name}.json`), (n) => readDefinition(`objects/${n}.json`));
    const attrs = finalize(defs, dictionary, active, name);
    const constraints = defs.reduceRight<Constraints>((found, d) => found ?? d.constraints, undefined) ?? {};
    objects.set(name, { name, open: name === "object", attributes: attrs, constraints });
    for (const a of attrs.values()) pending.push(a.type);
  }
  return {
    version: readVersion(),
    eventClass: { name: leaf.name ?? classPath, open: false, attributes, constraints: {}, uid, categoryUid: category.uid },
    objects,
    types,
  };
}
