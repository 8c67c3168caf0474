"use client";

import { ChevronsUpDown, LogOut } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { useDisclosure } from "@/hooks/use-disclosure";

export type MenuUser = { name: string; email: string | null; roleLabel: string };

function initials(name: string): string {
  const parts = name.split(/[\s@._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "?") + (parts[1]?.[0] ?? "")).toUpperCase();
}

/** Disclosure (not an ARIA menu): a button that shows who is signed in and a sign-out form. */
export function UserMenu({ user, signOutAction }: { user: MenuUser; signOutAction: () => Promise<void> }) {
  const { toggle, triggerProps, panelProps } = useDisclosure();

  return (
    <div className="relative">
      <button
        {...triggerProps}
        type="button"
        onClick={toggle}
        className="flex w-full items-center gap-2.5 rounded-lg p-1.5 text-left transition-colors hover:bg-slate-900/[0.04] dark:hover:bg-white/[0.05]"
      >
        <span
          aria-hidden
          className="grid size-8 shrink-0 place-items-center rounded-full bg-(--accent)/15 text-xs font-semibold text-(--accent)"
        >
          {initials(user.name)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium">{user.name}</span>
          <span className="block truncate text-xs text-(--muted)">{user.roleLabel}</span>
        </span>
        <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-(--muted)" />
        <span className="sr-only">, account menu</span>
      </button>
      <div
        {...panelProps}
        className={cn(
          "absolute bottom-full left-0 z-30 mb-2 w-full min-w-56 rounded-xl border border-(--border) bg-(--card) p-1.5 shadow-lg",
        )}
      >
        <div className="px-2.5 py-2">
          <p className="truncate text-sm font-medium">{user.name}</p>
          {user.email && <p className="truncate text-xs text-(--muted)">{user.email}</p>}
          <p className="mt-1.5 inline-flex rounded-md bg-slate-900/[0.05] px-1.5 py-0.5 text-[11px] font-medium dark:bg-white/[0.08]">
            Role: {user.roleLabel}
          </p>
        </div>
        <div className="my-1 h-px bg-(--border)" />
        <form action={signOutAction}>
          <button
            type="submit"
            className="flex h-8 w-full items-center gap-2 rounded-md px-2.5 text-sm text-(--foreground) hover:bg-slate-900/[0.05] dark:hover:bg-white/[0.06]"
          >
            <LogOut aria-hidden className="size-4 text-(--muted)" />
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
