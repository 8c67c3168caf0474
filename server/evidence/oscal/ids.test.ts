import { describe, expect, it } from "vitest";
import { FRAMEWORKS } from "@/server/compliance/frameworks";
import { controlToken, oscalString, uuidV5 } from "./ids";

const NCNAME = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

describe("uuidV5", () => {
  it("matches the RFC 4122 reference value for www.example.com in the DNS namespace", () => {
    expect(uuidV5("www.example.com", "6ba7b810-9dad-11d1-80b4-00c04fd430c8")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
  });

  it("is stable for a name and differs between names", () => {
    expect(uuidV5("finding:scan-1:soc2:CC6.1")).toBe(uuidV5("finding:scan-1:soc2:CC6.1"));
    expect(uuidV5("finding:scan-1:soc2:CC6.1")).not.toBe(uuidV5("finding:scan-2:soc2:CC6.1"));
  });
});

describe("controlToken", () => {
  it.each([
    ["soc2", "CC6.1", "soc2_cc6.1"],
    ["iso-27001", "A.8.24", "iso-27001_a.8.24"],
    ["hipaa", "164.312(b)", "hipaa_164.312.b"],
    ["hipaa", "164.312(a)(2)(iv)", "hipaa_164.312.a.2.iv"],
    ["fedramp-moderate", "AC-2(1)", "fedramp-moderate_ac-2.1"],
    ["gdpr", "Art. 32", "gdpr_art_32"],
    ["nist-ai-rmf", "GOVERN 1.1", "nist-ai-rmf_govern_1.1"],
    ["owasp-llm", "LLM01:2025", "owasp-llm_llm01_2025"],
  ])("%s %s → %s", (framework, id, token) => {
    expect(controlToken(framework, id)).toBe(token);
    expect(token).toMatch(NCNAME);
  });

  it("gives every requirement of every shipped catalog a distinct valid token", () => {
    const tokens = FRAMEWORKS.flatMap((f) => f.requirements.map((r) => controlToken(f.id, r.id)));
    for (const t of tokens) expect(t).toMatch(NCNAME);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});

describe("oscalString", () => {
  it("folds whitespace an AWS string may carry and never returns an empty string", () => {
    expect(oscalString("  a\n\tb  ")).toBe("a b");
    expect(oscalString(" \n ")).toBe("(empty)");
  });
});
