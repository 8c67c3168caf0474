"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback";
import { signIn } from "@/server/auth";
import { DEMO_PROVIDER_ID, OIDC_PROVIDER_ID } from "@/server/auth/auth-config";

export async function signInDemo(formData: FormData): Promise<void> {
  const redirectTo = safeCallbackPath(formData.get("callbackUrl"));
  try {
    await signIn(DEMO_PROVIDER_ID, { userId: String(formData.get("userId") ?? ""), redirectTo });
  } catch (error) {
    // A successful sign-in throws NEXT_REDIRECT, which must propagate.
    if (error instanceof AuthError) redirect(`/sign-in?error=${encodeURIComponent(error.type)}`);
    throw error;
  }
}

export async function signInOidc(formData: FormData): Promise<void> {
  await signIn(OIDC_PROVIDER_ID, { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
