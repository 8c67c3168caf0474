/** A byte count as people read it: "512 B", "12.3 kB", "4.0 MB". Its own module so a page that shows one size
 * does not load the logs' label tables with it. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} kB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
