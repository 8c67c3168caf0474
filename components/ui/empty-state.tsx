import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";

type Props = { icon: LucideIcon; title: string; children?: ReactNode; action?: ReactNode; className?: string };

export function EmptyState({ icon: Icon, title, children, action, className }: Props) {
  return (
    <div className={cn("flex flex-col items-center justify-center px-6 py-12 text-center", className)}>
      <span className="mb-4 grid size-11 place-items-center rounded-xl border border-(--border) bg-(--background)">
        <Icon aria-hidden className="size-5 text-(--muted)" />
      </span>
      <h2 className="text-base font-semibold tracking-tight">{title}</h2>
      {children && <div className="mt-1 max-w-md text-sm text-(--muted)">{children}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
