import "server-only";
import type { Role } from "@/lib/auth/roles";

/** One demo user per role (DESIGN.md "Who uses it"); offered only while the source is the demo estate. */
export const DEMO_USERS: readonly { id: string; name: string; email: string; role: Role }[] = [
  { id: "demo-viewer", name: "Vera Viewer", email: "viewer@demo.strata.local", role: "viewer" },
  { id: "demo-analyst", name: "Ana Analyst", email: "analyst@demo.strata.local", role: "analyst" },
  { id: "demo-auditor", name: "Otto Auditor", email: "auditor@demo.strata.local", role: "auditor" },
  { id: "demo-admin", name: "Ada Admin", email: "admin@demo.strata.local", role: "admin" },
];
