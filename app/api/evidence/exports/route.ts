import { NextResponse } from "next/server";
import { exportRequestSchema } from "@/lib/schemas/evidence";
import { getDb } from "@/server/db";
import { startExport } from "@/server/evidence/export/jobs";
import { route } from "@/server/http/route";

/** Starts building a signed evidence bundle; the client polls /api/evidence/exports/<id> and then downloads it. */
export const POST = route({ permission: "reports:export", body: exportRequestSchema }, async ({ body, user }) => {
  const job = await startExport(await getDb(), body, { actor: user.email ?? user.id, role: user.role });
  return NextResponse.json(job, { status: 202 });
});
