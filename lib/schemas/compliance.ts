import { z } from "zod";

/**
 * How each framework writes its requirement ids (compliance-mapping.md §4): the exact form an
 * auditor will look up, so e.g. Prowler's `cc_a_1_1` or a PCI id without its sub-number fails.
 */
export const REQUIREMENT_ID_FORMATS = {
  soc2: /^(CC[1-9]\.[1-9]|A1\.[1-3]|C1\.[12]|PI1\.[1-5])$/,
  "iso-27001": /^A\.[5-8]\.[1-9][0-9]?$/,
  hipaa: /^164\.3(08|10|12|16)\([a-e]\)(\([1-9]\))?(\((i|ii|iii|iv|v)\))?(\([A-F]\))?$/,
  "pci-dss": /^(A[1-3]|[1-9]|1[0-2])\.[1-9][0-9]?\.[1-9][0-9]?(\.[1-9])?$/,
  "fedramp-moderate": /^[A-Z]{2}-[1-9][0-9]?(\([1-9][0-9]?\))?$/,
  gdpr: /^Art\. [1-9][0-9]?$/,
  "nist-ai-rmf": /^(GOVERN|MAP|MEASURE|MANAGE) [1-6]\.[1-9][0-9]?$/,
  "iso-42001": /^A\.([2-9]|10)\.[1-9](\.[1-9][0-9]?)?$/,
  "owasp-llm": /^LLM(0[1-9]|10):2025$/,
  "eu-ai-act": /^Art\. [1-9][0-9]{0,2}$/,
} as const satisfies Record<string, RegExp>;

export type FrameworkId = keyof typeof REQUIREMENT_ID_FORMATS;
export const FRAMEWORK_IDS = Object.keys(REQUIREMENT_ID_FORMATS) as [FrameworkId, ...FrameworkId[]];

const requirementSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(3),
  customerMustShow: z.string().min(20),
  /** Check ids whose findings evidence the requirement; the registry derives each check's mappings from these. */
  checks: z.array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "a check id")),
  /** No automated check can settle it: it needs an attestation (checks, if any, can still make it FAIL). */
  manual: z.boolean(),
  /** The part AWS operates and attests for Bedrock under the shared-responsibility model. */
  awsInherited: z.object({ scope: z.string().min(10), part: z.string().min(10) }).optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const frameworkSchema = z
  .object({
    id: z.enum(FRAMEWORK_IDS),
    name: z.string().min(3),
    version: z.string().min(1),
    /** Shown with the framework: conditional applicability or sourcing caveats. */
    note: z.string().optional(),
    requirements: z.array(requirementSchema).min(1),
  })
  .superRefine((fw, ctx) => {
    const seen = new Set<string>();
    fw.requirements.forEach((r, i) => {
      if (!REQUIREMENT_ID_FORMATS[fw.id].test(r.id))
        ctx.addIssue({ code: "custom", path: ["requirements", i, "id"], message: `${r.id} is not a ${fw.id} requirement id` });
      if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: ["requirements", i, "id"], message: `duplicate ${r.id}` });
      seen.add(r.id);
      if (!r.manual && r.checks.length === 0)
        ctx.addIssue({ code: "custom", path: ["requirements", i], message: `${r.id} has no checks and is not manual` });
      if (new Set(r.checks).size !== r.checks.length)
        ctx.addIssue({ code: "custom", path: ["requirements", i, "checks"], message: `${r.id} lists a check twice` });
    });
  });
export type Framework = z.infer<typeof frameworkSchema>;

/**
 * A person's statement for a MANUAL requirement, stored with the scan it was made against. It names
 * the framework too: requirement ids repeat across catalogs (ISO 27001 and ISO 42001 both have A.5.x).
 */
export const attestationSchema = z.object({
  frameworkId: z.enum(FRAMEWORK_IDS),
  requirementId: z.string().min(1),
  by: z.string().min(1),
  at: z.iso.datetime(),
  text: z.string().min(1).max(10_000),
  attachmentName: z.string().min(1).max(255).optional(),
});
export type Attestation = z.infer<typeof attestationSchema>;

export const REQUIREMENT_STATUSES = ["PASS", "FAIL", "ERROR", "NO_EVIDENCE", "NOT_APPLICABLE", "MANUAL", "ATTESTED"] as const;
export type RequirementStatus = (typeof REQUIREMENT_STATUSES)[number];
