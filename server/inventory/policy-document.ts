import "server-only";
import { z } from "zod";

const stringOrList = z.union([z.string(), z.array(z.string())]);

/** IAM JSON policy grammar, loose enough for every real document (AWS, SCP, key and endpoint policies). */
export const policyStatementSchema = z
  .object({
    Sid: z.string().optional(),
    Effect: z.enum(["Allow", "Deny"]),
    Action: stringOrList.optional(),
    NotAction: stringOrList.optional(),
    Resource: stringOrList.optional(),
    NotResource: stringOrList.optional(),
    Principal: z.union([z.literal("*"), z.record(z.string(), stringOrList)]).optional(),
    NotPrincipal: z.union([z.literal("*"), z.record(z.string(), stringOrList)]).optional(),
    Condition: z.record(z.string(), z.record(z.string(), z.union([stringOrList, z.boolean(), z.number()]))).optional(),
  })
  .refine((s) => s.Action !== undefined || s.NotAction !== undefined, { message: "statement has neither Action nor NotAction" });
export type PolicyStatement = z.infer<typeof policyStatementSchema>;

export const policyDocumentSchema = z.object({
  Version: z.string().optional(),
  Id: z.string().optional(),
  Statement: z.union([policyStatementSchema, z.array(policyStatementSchema)]),
});
export type PolicyDocument = z.infer<typeof policyDocumentSchema>;

export function statementsOf(doc: PolicyDocument): PolicyStatement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
