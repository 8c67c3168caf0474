import Link from "next/link";

/** Three stacked layers: the strata the product is named after. */
export function Wordmark() {
  return (
    <Link href="/" className="flex items-center gap-2.5 rounded-md" aria-label="Strata, go to overview">
      <svg aria-hidden viewBox="0 0 32 32" className="size-7 shrink-0">
        <rect width="32" height="32" rx="8" className="fill-(--accent)" />
        <path d="M8 11.5 16 8l8 3.5-8 3.5z" className="fill-white dark:fill-slate-950" />
        <path
          d="m8 16 8 3.5 8-3.5"
          className="fill-none stroke-white/80 dark:stroke-slate-950/80"
          strokeWidth="2"
          strokeLinejoin="round"
        />
        <path
          d="m8 20.5 8 3.5 8-3.5"
          className="fill-none stroke-white/55 dark:stroke-slate-950/55"
          strokeWidth="2"
          strokeLinejoin="round"
        />
      </svg>
      <span className="text-[15px] font-semibold tracking-tight">Strata</span>
    </Link>
  );
}
