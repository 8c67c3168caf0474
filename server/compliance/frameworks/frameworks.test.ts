import { describe, expect, it } from "vitest";
import { frameworkSchema, REQUIREMENT_ID_FORMATS, type Framework, type FrameworkId } from "@/lib/schemas/compliance";
import { CHECKS, getCheck } from "@/server/checks/registry";
import { FRAMEWORKS, getFramework, mappingsByCheck } from ".";

const issues = (fw: unknown) => frameworkSchema.safeParse(fw).error?.issues.map((i) => i.message) ?? [];

/** Ids an auditor would reject: Prowler's forms, the 2013 edition, draft numbering (compliance-mapping.md §4). */
const WRONG_IDS: Record<FrameworkId, string[]> = {
  soc2: ["cc_a_1_1", "CC6", "cc6.1"],
  "iso-27001": ["A.12.4.1", "A.9.2", "A.8.24.1"],
  hipaa: ["164_308_a_4_ii_c", "164.308(a)(4)(ii)(c)", "164.312"],
  "pci-dss": ["1.2.8.38", "10", "Req. 10.2.1"],
  "fedramp-moderate": ["au-2-a-d", "AU-2(b)", "AU 2"],
  gdpr: ["article_32", "Art.32", "Article 32"],
  "nist-ai-rmf": ["MEASURE-2.7", "Measure 2.7", "MS-2.7"],
  "iso-42001": ["A.1.1", "A.11.2", "6.2.8"],
  "owasp-llm": ["LLM01", "LLM01:2023", "LLM11:2025"],
  "eu-ai-act": ["Article 29", "Art.26", "Art. 26(6)"],
};

function withFirstId(fw: Framework, id: string): Framework {
  const [first, ...rest] = fw.requirements;
  if (!first) throw new Error(`${fw.id} has no requirements`);
  return { ...fw, requirements: [{ ...first, id }, ...rest] };
}

describe("framework catalogs", () => {
  it("holds the ten frameworks of the issue, each once", () => {
    expect(FRAMEWORKS.map((f) => f.id).sort()).toEqual(Object.keys(REQUIREMENT_ID_FORMATS).sort());
    for (const fw of FRAMEWORKS) expect(getFramework(fw.id)).toBe(fw);
  });

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s parses: id formats, no duplicates, manual or checked", (_id, fw) => {
    expect(issues(fw)).toEqual([]);
  });

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))("%s names only registered checks", (_id, fw) => {
    const unknown = fw.requirements.flatMap((r) => r.checks.filter((c) => !getCheck(c)).map((c) => `${r.id} → ${c}`));
    expect(unknown).toEqual([]);
  });

  it("maps every registered check to at least one requirement", () => {
    const unmapped = CHECKS.filter((c) => Object.values(c.frameworks).flat().length === 0).map((c) => c.id);
    expect(unmapped).toEqual([]);
  });

  it("gives each check exactly the mappings the catalogs list (one source of truth)", () => {
    for (const fw of FRAMEWORKS) {
      for (const r of fw.requirements) {
        for (const checkId of r.checks) expect(getCheck(checkId)?.frameworks[fw.id], `${fw.id} ${r.id}`).toContain(r.id);
      }
    }
    for (const check of CHECKS) {
      for (const [fwId, ids] of Object.entries(check.frameworks)) {
        const fw = FRAMEWORKS.find((f) => f.id === fwId);
        for (const id of ids)
          expect(fw?.requirements.find((r) => r.id === id)?.checks, `${check.id} ${fwId} ${id}`).toContain(check.id);
      }
    }
  });

  it("keeps AWS-inherited requirements that have no checks MANUAL (they need the AWS report as evidence)", () => {
    const bad = FRAMEWORKS.flatMap((fw) =>
      fw.requirements.filter((r) => r.awsInherited && r.checks.length === 0 && !r.manual).map((r) => `${fw.id} ${r.id}`),
    );
    expect(bad).toEqual([]);
  });
});

describe("frameworkSchema", () => {
  it.each(FRAMEWORKS.flatMap((fw) => WRONG_IDS[fw.id].map((id) => [fw.id, id, fw] as const)))(
    "rejects the %s id %s",
    (_fwId, id, fw) => {
      expect(issues(withFirstId(fw, id))).toEqual([expect.stringContaining(`${id} is not a`)]);
    },
  );

  it("rejects a duplicate requirement id", () => {
    const fw = FRAMEWORKS[0] as Framework;
    const second = fw.requirements[1]?.id ?? "";
    expect(issues(withFirstId(fw, second))).toEqual([`duplicate ${second}`]);
  });

  it("rejects a requirement that is neither checked nor manual, and a check listed twice", () => {
    const fw = FRAMEWORKS[0] as Framework;
    const [first, ...rest] = fw.requirements;
    if (!first) throw new Error("empty");
    expect(issues({ ...fw, requirements: [{ ...first, checks: [], manual: false }, ...rest] })).toEqual([
      `${first.id} has no checks and is not manual`,
    ]);
    expect(issues({ ...fw, requirements: [{ ...first, checks: ["a-b", "a-b"] }, ...rest] })).toEqual([
      `${first.id} lists a check twice`,
    ]);
  });

  it("derives mappings per check from whatever catalogs it is given", () => {
    const fw = FRAMEWORKS[0] as Framework;
    const [first] = fw.requirements;
    const map = mappingsByCheck([{ ...fw, requirements: first ? [{ ...first, checks: ["x-check"] }] : [] }]);
    expect(Object.fromEntries(map)).toEqual({ "x-check": { [fw.id]: [first?.id] } });
  });
});
