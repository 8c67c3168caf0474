const RANGE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "3 Mar, 14:00 – 4 Mar, 14:00 UTC": the label of an absolute range. */
export function describeRange(from: number, to: number): string {
  return `${RANGE_FORMAT.format(from)} – ${RANGE_FORMAT.format(to)} UTC`;
}

/** "2025-01-31T13:05" in UTC, the value a datetime-local input shows (the whole dashboard shows UTC). */
export function toInputValue(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

const INPUT_VALUE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;

/**
 * The input's value read as UTC; NaN when it is empty or not a datetime-local value. Checked first
 * because V8's lenient Date.parse reads some fragments (e.g. ":00Z") as a date in 2000 or 2001.
 */
export function fromInputValue(value: string): number {
  if (!INPUT_VALUE.test(value)) return Number.NaN;
  return Date.parse(value.length === 16 ? `${value}:00Z` : `${value}Z`);
}
