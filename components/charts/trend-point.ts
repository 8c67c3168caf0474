import type { Grade } from "@/lib/schemas/score";

/** One completed scan on the score trend, already shaped for display. */
export type TrendPoint = { scanId: string; label: string; at: string; score: number | null; grade: Grade | null };
