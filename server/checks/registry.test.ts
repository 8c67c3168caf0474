import { readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkMetadataSchema } from "./define-check";
import { CHECKS } from "./registry";

const CHECK_DIR = join(import.meta.dirname, ".");
const NOT_CHECKS = new Set(["index.ts"]);

function checkFiles(): string[] {
  const files: string[] = [];
  for (const category of readdirSync(CHECK_DIR)) {
    const dir = join(CHECK_DIR, category);
    if (!statSync(dir).isDirectory() || category === "testing" || category === "lib") continue;
    for (const file of readdirSync(dir)) {
      if (file.endsWith(".ts") && !file.endsWith(".test.ts") && !NOT_CHECKS.has(file)) files.push(join(category, file));
    }
  }
  return files;
}

describe("check registry", () => {
  it("registers every check file, and the id equals the file name", () => {
    const ids = new Set(CHECKS.map((c) => c.id));
    const fileIds = checkFiles().map((f) => basename(f, ".ts"));
    expect(fileIds.length).toBeGreaterThanOrEqual(45);
    expect([...ids].sort()).toEqual([...fileIds].sort());
  });

  it("has unique ids", () => {
    expect(new Set(CHECKS.map((c) => c.id)).size).toBe(CHECKS.length);
  });

  it.each(CHECKS.map((c) => [c.id, c] as const))("%s has valid metadata", (_id, check) => {
    const { evaluate: _evaluate, ...metadata } = check;
    expect(checkMetadataSchema.safeParse(metadata).error?.issues ?? []).toEqual([]);
  });

  it("lives in the folder of its category", () => {
    for (const file of checkFiles()) {
      const id = basename(file, ".ts");
      const check = CHECKS.find((c) => c.id === id);
      expect(check && file.startsWith(`${check.category.toLowerCase()}/`), file).toBe(true);
    }
  });
});
