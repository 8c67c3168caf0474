import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

export function Card({ className, ...rest }: HTMLAttributes<HTMLElement>) {
  return <section className={cn("rounded-xl border border-(--border) bg-(--card) shadow-xs", className)} {...rest} />;
}

type HeaderProps = { title: string; id?: string; description?: ReactNode; action?: ReactNode; className?: string };

/** A card's heading row; `id` lets the card's region be labelled by its title. */
export function CardHeader({ title, id, description, action, className }: HeaderProps) {
  return (
    <div className={cn("flex items-start justify-between gap-4 px-5 pt-4 pb-3", className)}>
      <div className="min-w-0">
        <h2 id={id} className="text-sm font-semibold tracking-tight">
          {title}
        </h2>
        {description && <p className="mt-0.5 text-xs text-(--muted)">{description}</p>}
      </div>
      {action}
    </div>
  );
}
