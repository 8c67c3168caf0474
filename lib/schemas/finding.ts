import { z } from "zod";
import { CATEGORIES, SEVERITIES, STATUSES } from "@/lib/constants/finding";

export { CATEGORIES, GLOBAL_REGION, SEVERITIES, SEVERITY_WEIGHT, STATUSES } from "@/lib/constants/finding";
export type { Category, Severity, Status } from "@/lib/constants/finding";

export const statusSchema = z.enum(STATUSES);
export const severitySchema = z.enum(SEVERITIES);
export const categorySchema = z.enum(CATEGORIES);
