import { NextResponse } from "next/server";
import { z } from "zod";
import { exportRequestSchema } from "@/lib/schemas/evidence";
import { getDb } from "@/server/db";
import { listExports } from "@/server/evidence/chain-store";
import { startExport } from "@/server/evidence/export/jobs";
import { route } from "@/server/http/route";

/** Starts building a signed evidence bundle; the client polls /api/evidence/exports/<id> and then downloads it. */
export const POST = route({ permission: "reports:export", body: exportRequestSchema }, async ({ body, user }) => {
  const job = await startExport(await getDb(), body, { actor: user.email ?? user.id, role: user.role });
  return NextResponse.json(job, { status: 202 });
});

/** The recorded chain of exports, newest first: who exported what, and each bundle's manifest SHA-256. */
export const GET = route(
  { permission: "reports:export", query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(50) }) },
  async ({ query }) => listExports(await getDb(), query.limit),
);
