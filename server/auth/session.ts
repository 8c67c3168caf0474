import "server-only";
import { forbidden, redirect } from "next/navigation";
import { can, type Permission, type Role } from "@/lib/auth/roles";
import { ForbiddenError, UnauthorizedError } from "@/server/http/errors";
import { auth } from "./index";

export type SessionUser = { id: string; name: string; email: string | null; role: Role };

export async function getSessionUser(): Promise<SessionUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.role) return null;
  return { id: user.id, name: user.name ?? user.email ?? user.id, email: user.email ?? null, role: user.role };
}

/** For route handlers and server functions: throws the typed error the route wrapper maps. */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError();
  if (!can(user.role, permission)) throw new ForbiddenError(permission);
  return user;
}

/** For pages: anonymous people go to sign-in; signed-in people without the permission get 403. */
export async function requirePagePermission(permission: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  if (!can(user.role, permission)) forbidden();
  return user;
}
