import type { ReactNode } from "react";
import { DemoBadge } from "./demo-badge";
import { MobileNav } from "./mobile-nav";
import { NavLinks, type NavAccess } from "./nav-links";
import { ThemeToggle } from "./theme-toggle";
import { UserMenu, type MenuUser } from "./user-menu";
import { Wordmark } from "./wordmark";

type Props = {
  user: MenuUser;
  demo: boolean;
  access: NavAccess;
  signOutAction: () => Promise<void>;
  children: ReactNode;
};

function SidebarBody({ user, demo, access, signOutAction, withBrand }: Omit<Props, "children"> & { withBrand: boolean }) {
  return (
    <div className="flex h-full flex-col gap-6 px-3 pt-4 pb-3">
      <div className="flex flex-col items-start gap-2.5 px-2">
        {withBrand && <Wordmark />}
        {demo && <DemoBadge />}
      </div>
      <nav aria-label="Main" className="flex-1">
        <NavLinks access={access} />
      </nav>
      <div className="space-y-3">
        <ThemeToggle />
        <UserMenu user={user} signOutAction={signOutAction} />
      </div>
    </div>
  );
}

export function AppShell(props: Props) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-(--card) px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        Skip to content
      </a>
      <aside className="hidden border-r border-(--border) bg-(--card) md:block">
        <div className="sticky top-0 h-screen">
          <SidebarBody {...props} withBrand />
        </div>
      </aside>
      <MobileNav header={<Wordmark />}>
        <SidebarBody {...props} withBrand={false} />
      </MobileNav>
      <main id="main" tabIndex={-1} className="min-w-0 px-4 py-6 outline-none sm:px-6 md:px-8 md:py-8">
        <div className="mx-auto max-w-7xl">{props.children}</div>
      </main>
    </div>
  );
}
