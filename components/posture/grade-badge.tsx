import type { Grade } from "@/lib/schemas/score";
import { cn } from "@/components/ui/cn";
import { GRADE_TONE } from "./labels";

const SIZES = { sm: "size-6 text-xs rounded-md", md: "size-8 text-sm rounded-lg", lg: "size-16 text-4xl rounded-2xl" } as const;

export function GradeBadge({
  grade,
  size = "md",
  className,
}: {
  grade: Grade | null;
  size?: keyof typeof SIZES;
  className?: string;
}) {
  const label = grade ? `Grade ${grade}` : "No grade: nothing could be evaluated";
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      className={cn(
        "inline-grid shrink-0 place-items-center font-semibold tracking-tight",
        SIZES[size],
        grade ? cn(GRADE_TONE[grade].bg, GRADE_TONE[grade].text) : "bg-slate-100 text-(--muted) dark:bg-white/5",
        className,
      )}
    >
      {grade ?? "–"}
    </span>
  );
}
