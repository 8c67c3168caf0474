"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import { useTheme } from "next-themes";
import { useId, useSyncExternalStore } from "react";
import { cn } from "@/components/ui/cn";

const OPTIONS = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
] as const;

const noop = () => () => {};

/** A three-way radio group; renders unselected until mounted because the theme is only known in the browser. */
export function ThemeToggle({ className }: { className?: string }) {
  const { theme, setTheme } = useTheme();
  const mounted = useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
  const current = mounted ? (theme ?? "system") : undefined;
  // The mobile drawer renders a second toggle: each needs its own radio group name.
  const name = useId();
  return (
    <fieldset className={cn("flex items-center gap-0.5 rounded-lg border border-(--border) bg-(--background) p-0.5", className)}>
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, icon: Icon }) => (
        <label
          key={value}
          title={label}
          className={cn(
            "relative flex h-7 flex-1 cursor-pointer items-center justify-center gap-1.5 rounded-md px-2 text-xs text-(--muted) transition-colors hover:text-(--foreground)",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-(--accent)",
            current === value && "bg-(--card) text-(--foreground) shadow-xs ring-1 ring-(--border)",
          )}
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={current === value}
            onChange={() => setTheme(value)}
            className="sr-only"
          />
          <Icon aria-hidden className="size-3.5" />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}
