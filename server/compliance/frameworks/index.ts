import "server-only";
import type { Framework, FrameworkId } from "@/lib/schemas/compliance";
import { euAiAct } from "./eu-ai-act";
import { fedrampModerate } from "./fedramp-moderate";
import { gdpr } from "./gdpr";
import { hipaa } from "./hipaa";
import { iso27001 } from "./iso-27001";
import { iso42001 } from "./iso-42001";
import { nistAiRmf } from "./nist-ai-rmf";
import { owaspLlm } from "./owasp-llm";
import { pciDss } from "./pci-dss";
import { soc2 } from "./soc2";

/** Every framework, in the order the issue lists them: the classic programs, then the AI ones. */
export const FRAMEWORKS: readonly Framework[] = [
  soc2,
  iso27001,
  hipaa,
  pciDss,
  fedrampModerate,
  gdpr,
  nistAiRmf,
  iso42001,
  owaspLlm,
  euAiAct,
];

const BY_ID = new Map(FRAMEWORKS.map((f) => [f.id, f]));

export function getFramework(id: FrameworkId): Framework | undefined {
  return BY_ID.get(id);
}

/**
 * framework id → requirement ids, per check, derived from the catalogs above: the only place a
 * mapping is written, so a check's `frameworks` can never disagree with the requirement's `checks`.
 */
export function mappingsByCheck(frameworks: readonly Framework[] = FRAMEWORKS): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, string[]>>();
  for (const fw of frameworks) {
    for (const r of fw.requirements) {
      for (const checkId of r.checks) {
        const byFramework = out.get(checkId) ?? {};
        (byFramework[fw.id] ??= []).push(r.id);
        out.set(checkId, byFramework);
      }
    }
  }
  return out;
}
