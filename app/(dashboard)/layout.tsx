import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { can, ROLE_LABEL } from "@/lib/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { isDemo } from "@/server/config/env";
import { signOutAction } from "./actions";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // Each page checks its own permission too; the shell only needs to know who is signed in.
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  return (
    <AppShell
      user={{ name: user.name, email: user.email, roleLabel: ROLE_LABEL[user.role] }}
      demo={isDemo()}
      access={{
        settings: can(user.role, "settings:manage"),
        logs: can(user.role, "logs:read"),
        activity: can(user.role, "activity:read"),
      }}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}
