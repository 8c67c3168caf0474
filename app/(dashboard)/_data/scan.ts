import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db";
import { getOverview } from "@/server/posture/overview";
import { latestCompletedScan } from "@/server/scans/repository";

/** One overview per request, shared by every widget on the page (each renders in its own Suspense). */
export const loadOverview = cache(async () => getOverview(await getDb()));

/** The latest completed scan, read once per request however many components ask. */
export const loadLatestScan = cache(async () => (await latestCompletedScan(await getDb())) ?? null);
