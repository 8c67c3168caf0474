import { NextResponse } from "next/server";

/** Unauthenticated liveness probe for load balancers and the e2e web server; reveals nothing. */
export function GET() {
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
}
