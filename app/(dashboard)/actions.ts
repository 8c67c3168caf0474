"use server";

import { recordAudit } from "@/server/audit/record";
import { signOut } from "@/server/auth";
import { getSessionUser } from "@/server/auth/session";

export async function signOutAction(): Promise<void> {
  const user = await getSessionUser();
  if (user) await recordAudit({ actor: user.email ?? user.id, role: user.role, action: "auth.sign_out", target: null });
  await signOut({ redirectTo: "/sign-in" });
}
