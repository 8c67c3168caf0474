import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/*
 * Readers for the OCSF source files copied into ./schema (see its README). The folder is found
 * from this module and from the working directory, as server/checks/lib/iam-data.ts does, because
 * bundlers move modules away from their source folder.
 */
const SCHEMA = join("server", "evidence", "ocsf", "schema");

function moduleDir(): string | undefined {
  try {
    return join(dirname(fileURLToPath(import.meta.url)), "schema");
  } catch {
    return undefined;
  }
}

let schemaDir: string | undefined;
function findSchemaDir(): string {
  for (const dir of [moduleDir(), join(process.cwd(), SCHEMA)]) {
    if (dir && existsSync(join(dir, "dictionary.json"))) return dir;
  }
  throw new Error(`The OCSF schema sources (${SCHEMA}) were not found`);
}

const enumSchema = z.record(z.string(), z.object({ caption: z.string() }).loose());

/** One attribute as a class, object, profile or the dictionary spells it: every field optional. */
const attributeSpecSchema = z
  .object({
    type: z.string().optional(),
    is_array: z.boolean().optional(),
    requirement: z.enum(["required", "recommended", "optional"]).optional(),
    enum: enumSchema.optional(),
    sibling: z.string().optional(),
    profile: z.string().nullable().optional(),
  })
  .loose();
export type AttributeSpec = z.infer<typeof attributeSpecSchema>;

const attributesSchema = z.record(z.string(), z.union([attributeSpecSchema, z.array(z.string())]));

const constraintsSchema = z
  .object({ at_least_one: z.array(z.string()).optional(), just_one: z.array(z.string()).optional() })
  .optional();
export type Constraints = z.infer<typeof constraintsSchema>;

/** An event class, object, profile or include file. */
const definitionSchema = z
  .object({
    name: z.string().optional(),
    caption: z.string().optional(),
    uid: z.number().int().optional(),
    category: z.string().optional(),
    extends: z.string().optional(),
    attributes: attributesSchema.default({}),
    constraints: constraintsSchema,
  })
  .loose();
export type Definition = z.infer<typeof definitionSchema>;

const typeSchema = z
  .object({
    type: z.string().optional(),
    max_len: z.number().int().optional(),
    regex: z.string().optional(),
    range: z.tuple([z.number(), z.number()]).optional(),
    values: z.array(z.unknown()).optional(),
  })
  .loose();

const dictionarySchema = z.object({
  attributes: z.record(z.string(), attributeSpecSchema),
  types: z.object({ attributes: z.record(z.string(), typeSchema) }),
});
export type Dictionary = z.infer<typeof dictionarySchema>;

const categoriesSchema = z.object({
  attributes: z.record(z.string(), z.object({ uid: z.number().int(), caption: z.string() }).loose()),
});

export function hasSchemaFile(relative: string): boolean {
  schemaDir ??= findSchemaDir();
  return existsSync(join(schemaDir, relative));
}

function readJson<T>(relative: string, schema: z.ZodType<T>): T {
  schemaDir ??= findSchemaDir();
  const file = join(schemaDir, relative);
  if (!existsSync(file)) throw new Error(`OCSF schema file ${relative} is missing from ${SCHEMA}`);
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`OCSF schema file ${relative} does not parse: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const readDefinition = (relative: string): Definition => readJson(relative, definitionSchema);
export const readDictionary = (): Dictionary => readJson("dictionary.json", dictionarySchema);
export const readCategories = () => readJson("categories.json", categoriesSchema).attributes;
export const readVersion = (): string => readJson("version.json", z.object({ version: z.string() })).version;
