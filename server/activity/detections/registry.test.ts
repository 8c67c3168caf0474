import "server-only";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DETECTION_SEVERITIES } from "@/lib/schemas/activity";
import { getCheck } from "@/server/checks/registry";
import { DETECTORS } from "./index";

const DIR = join(import.meta.dirname, "detectors");

describe("detector registry", () => {
  it("registers every detector file, and the id equals the file name", () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => f.replace(/\.ts$/, ""));
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(DETECTORS.map((d) => d.id).sort()).toEqual(files.sort());
  });

  it("has unique ids", () => {
    expect(new Set(DETECTORS.map((d) => d.id)).size).toBe(DETECTORS.length);
  });

  it.each(DETECTORS.map((d) => [d.id, d] as const))("%s has a severity, words and a real check (or none)", (_id, d) => {
    expect(DETECTION_SEVERITIES).toContain(d.severity);
    expect(d.title.length).toBeGreaterThan(10);
    expect(d.description.length).toBeGreaterThan(20);
    expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    if (d.checkId !== null) expect(getCheck(d.checkId)?.id).toBe(d.checkId);
  });

  it("every checkId a detection can carry exists in the checks registry", async () => {
    // Detections may cite a more specific check than the detector's own; those ids live in the sources.
    const { readFileSync } = await import("node:fs");
    const sources = [...readdirSync(DIR).map((f) => join(DIR, f)), join(import.meta.dirname, "guardrail-posture.ts")]
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
      .map((f) => readFileSync(f, "utf8"))
      .join("\n");
    const cited = [...sources.matchAll(/checkId: "([a-z0-9-]+)"|"((?:bedrock|org|cloudtrail)-[a-z0-9-]+)"/g)]
      .map((m) => m[1] ?? m[2])
      .filter((id): id is string => id !== undefined && !DETECTORS.some((d) => d.id === id));
    expect(cited.length).toBeGreaterThan(10);
    expect(cited.filter((id) => getCheck(id) === undefined)).toEqual([]);
  });
});
