"use client";

import {
  Activity,
  BadgeCheck,
  FileCheck2,
  LayoutDashboard,
  ListChecks,
  ScrollText,
  Settings,
  ShieldAlert,
  ShieldCheck,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";

type Item = { href: string; label: string; icon: LucideIcon; isActive: (path: string) => boolean };

const ITEMS: readonly Item[] = [
  { href: "/", label: "Overview", icon: LayoutDashboard, isActive: (p) => p === "/" },
  { href: "/posture", label: "Posture", icon: ShieldAlert, isActive: (p) => p === "/posture" },
  { href: "/posture/checks", label: "Checks", icon: ListChecks, isActive: (p) => p.startsWith("/posture/checks") },
  { href: "/guardrails", label: "Guardrails", icon: ShieldCheck, isActive: (p) => p.startsWith("/guardrails") },
];

/** Compliance status and evidence verification are open to every role; exporting is gated on the page. */
const EVIDENCE: readonly Item[] = [
  { href: "/compliance", label: "Compliance", icon: BadgeCheck, isActive: (p) => p.startsWith("/compliance") },
  { href: "/evidence/verify", label: "Verify evidence", icon: FileCheck2, isActive: (p) => p.startsWith("/evidence") },
];

/** Shown to roles with logs:read. */
const INVOCATIONS: Item = { href: "/logs", label: "Invocations", icon: ScrollText, isActive: (p) => p.startsWith("/logs") };

/** Shown to roles with activity:read. */
const ACTIVITY: Item = { href: "/activity", label: "Activity", icon: Activity, isActive: (p) => p.startsWith("/activity") };

const SETTINGS: Item = { href: "/settings", label: "Settings", icon: Settings, isActive: (p) => p.startsWith("/settings") };

/** Which permission-gated entries the signed-in role may see. */
export type NavAccess = { settings: boolean; logs: boolean; activity: boolean };

type Props = { access: NavAccess; onNavigate?: () => void };

export function NavLinks({ access, onNavigate }: Props) {
  const investigate = [...(access.logs ? [INVOCATIONS] : []), ...(access.activity ? [ACTIVITY] : [])];
  const pathname = usePathname();
  const groups: { label: string; items: Item[] }[] = [
    { label: "Posture", items: [...ITEMS] },
    { label: "Compliance", items: [...EVIDENCE] },
    ...(investigate.length > 0 ? [{ label: "Investigate", items: investigate }] : []),
    ...(access.settings ? [{ label: "Administration", items: [SETTINGS] }] : []),
  ];
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <div key={group.label}>
          <p className="mb-1.5 px-2.5 text-[11px] font-medium tracking-wide text-(--muted) uppercase">{group.label}</p>
          <ul className="space-y-0.5">{renderItems(group.items, pathname, onNavigate)}</ul>
        </div>
      ))}
    </div>
  );
}

function renderItems(items: Item[], pathname: string, onNavigate: (() => void) | undefined) {
  return items.map(({ href, label, icon: Icon, isActive }) => {
    const active = isActive(pathname);
    return (
      <li key={href}>
        <Link
          href={href}
          onClick={onNavigate}
          aria-current={active ? "page" : undefined}
          className={cn(
            "group flex h-8 items-center gap-2.5 rounded-md px-2.5 text-sm font-medium transition-colors",
            active
              ? "bg-slate-900/[0.06] text-(--foreground) dark:bg-white/[0.08]"
              : "text-(--muted) hover:bg-slate-900/[0.04] hover:text-(--foreground) dark:hover:bg-white/[0.05]",
          )}
        >
          <Icon
            aria-hidden
            className={cn("size-4", active ? "text-(--accent)" : "text-(--muted) group-hover:text-(--foreground)")}
          />
          {label}
        </Link>
      </li>
    );
  });
}
