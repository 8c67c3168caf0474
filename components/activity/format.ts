const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** "28 Nov 20:59:32" (UTC): compact, fixed width, the same on server and client. */
export function formatEventTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "–";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** "bedrock.amazonaws.com" → "bedrock": the column is narrow and the suffix is always the same. */
export function shortService(source: string): string {
  return source.endsWith(".amazonaws.com") ? source.slice(0, -".amazonaws.com".length) : source;
}

/** Pretty JSON for request parameters and response elements; null when CloudTrail gave none. */
export function prettyJson(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

/** The raw event re-indented when it is JSON; as it came when it is not (a malformed event stays inspectable). */
export function prettyRaw(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw) as unknown, null, 2);
  } catch {
    return raw;
  }
}
