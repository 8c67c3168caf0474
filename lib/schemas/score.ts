import { z } from "zod";

export const GRADES = ["A", "B", "C", "D", "F"] as const;
export const gradeSchema = z.enum(GRADES);
export type Grade = z.infer<typeof gradeSchema>;

const statusCountsSchema = z.object({
  PASS: z.number().int(),
  FAIL: z.number().int(),
  ERROR: z.number().int(),
  NOT_APPLICABLE: z.number().int(),
  MANUAL: z.number().int(),
});
export type StatusCounts = z.infer<typeof statusCountsSchema>;

/** A score is null when nothing could be evaluated: an empty share is not 100 %. */
const scoreSchema = z.object({
  score: z.number().min(0).max(100).nullable(),
  grade: gradeSchema.nullable(),
  counts: statusCountsSchema,
  /** Severity-weighted points: passed and evaluated (PASS + FAIL). */
  weightPassed: z.number(),
  weightEvaluated: z.number(),
});
export type Score = z.infer<typeof scoreSchema>;

export const scoreReportSchema = z.object({
  overall: scoreSchema,
  byCategory: z.record(z.string(), scoreSchema),
  byAccount: z.record(z.string(), scoreSchema),
  byRegion: z.record(z.string(), scoreSchema),
  /** key `${accountId}/${region}` — the heat map. */
  byAccountRegion: z.record(z.string(), scoreSchema),
});
export type ScoreReport = z.infer<typeof scoreReportSchema>;
