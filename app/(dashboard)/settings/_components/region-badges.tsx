/** AWS regions as small monospace badges; shared by the account and scan-error tables. */
export function RegionBadges({ regions }: { regions: readonly string[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {regions.map((r) => (
        <span key={r} className="rounded-md border border-(--border) px-1.5 py-0.5 font-mono text-[11px] leading-4">
          {r}
        </span>
      ))}
    </span>
  );
}
