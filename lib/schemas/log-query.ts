import { z } from "zod";
import { revealRequestSchema } from "./log-detail";
import { logFilterSchema, timeBucketSchema } from "./logs";

/** A URL query value that carries a typed filter as JSON (`?filter={"from":…,"to":…}`), checked by `schema`. */
export function jsonFilterParam<T extends z.ZodType>(schema: T) {
  return z
    .string()
    .max(16_000, "The filter is too long.")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "The filter must be JSON." });
        return z.NEVER;
      }
    })
    .pipe(schema);
}

const logFilterParam = jsonFilterParam(logFilterSchema);

export const logFilterQuerySchema = z.object({ filter: logFilterParam });

export const logSearchQuerySchema = z.object({
  filter: logFilterParam,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int("The page size is a whole number.").min(1).max(500).optional(),
});

export const logTimeseriesQuerySchema = z.object({ filter: logFilterParam, bucket: timeBucketSchema });

const EXPORT_FORMATS = ["csv", "jsonl"] as const;

export const logExportQuerySchema = z
  .object({
    filter: logFilterParam,
    format: z.enum(EXPORT_FORMATS, "The export format is csv or jsonl."),
    bodies: z
      .enum(["0", "1"], "bodies is 0 or 1.")
      .default("0")
      .transform((v) => v === "1"),
    justification: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    if (!q.bodies) return;
    const result = revealRequestSchema.shape.justification.safeParse(q.justification ?? "");
    if (!result.success) {
      ctx.addIssue({
        code: "custom",
        path: ["justification"],
        message: result.error.issues[0]?.message ?? "Justify the export.",
      });
    }
  });

/** Request ids are UUIDs in practice; anything printable up to 256 characters is accepted and looked up literally. */
export const logRecordParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(256)
    .regex(/^[\x21-\x7e]+$/, "A record id is printable ASCII without spaces."),
});
