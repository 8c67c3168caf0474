import type { ButtonHTMLAttributes } from "react";
import { cn } from "./cn";

const VARIANTS = {
  primary: "bg-(--accent) text-white shadow-sm hover:bg-(--accent)/90 dark:text-slate-950 disabled:bg-(--accent)/50",
  secondary: "border border-(--border) bg-(--card) text-(--foreground) shadow-xs hover:bg-slate-50 dark:hover:bg-white/5",
  ghost: "text-(--muted) hover:bg-slate-100 hover:text-(--foreground) dark:hover:bg-white/5",
} as const;

const SIZES = { sm: "h-8 gap-1.5 px-2.5 text-xs", md: "h-9 gap-2 px-3.5 text-sm" } as const;

export type ButtonVariant = keyof typeof VARIANTS;

/** Classes of a button, for links that look like one. */
export function buttonClasses(variant: ButtonVariant = "secondary", size: keyof typeof SIZES = "md", className?: string): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center rounded-lg font-medium whitespace-nowrap transition-colors disabled:cursor-not-allowed disabled:opacity-70 [&_svg]:size-4 [&_svg]:shrink-0",
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: keyof typeof SIZES };

export function Button({ variant = "secondary", size = "md", className, type = "button", ...rest }: Props) {
  return <button type={type} className={buttonClasses(variant, size, className)} {...rest} />;
}
