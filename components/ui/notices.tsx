import { Info } from "lucide-react";

/**
 * What a source could answer only in part (a store's missing filter, CloudTrail's 90-day clamp, an unreachable
 * account), in words a user can act on; repeats are shown once.
 */
export function Notices({ notices }: { notices: string[] }) {
  const unique = [...new Set(notices)];
  if (unique.length === 0) return null;
  return (
    <div
      role="note"
      className="flex items-start gap-2.5 rounded-xl border border-amber-500/30 bg-amber-500/[0.07] px-4 py-2.5 text-sm"
    >
      <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
      <ul className="space-y-0.5">
        {unique.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}
