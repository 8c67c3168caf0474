import { X } from "lucide-react";

type Props = {
  field: string;
  /** The shown value (already made visible: no control or bidi characters). */
  value: string;
  /** The full value, in the hover title. */
  title: string;
  onRemove: () => void;
};

/** One active filter as a removable chip (the explorer's look, reused wherever filters arrive by link). */
export function FilterChip({ field, value, title, onRemove }: Props) {
  return (
    <span
      title={`${field}: ${title}`}
      className="inline-flex h-7 max-w-[22rem] items-center gap-1 rounded-md border border-(--accent)/25 bg-(--accent)/[0.07] pr-0.5 pl-2 text-xs"
    >
      <span className="shrink-0 text-(--muted)">{field}</span>
      <b className="min-w-0 truncate font-medium">{value}</b>
      <button
        type="button"
        onClick={onRemove}
        className="grid size-6 shrink-0 place-items-center rounded text-(--muted) hover:bg-slate-900/[0.06] hover:text-(--foreground) dark:hover:bg-white/[0.08]"
      >
        <X aria-hidden className="size-3" />
        <span className="sr-only">
          Remove filter {field}: {value}
        </span>
      </button>
    </span>
  );
}
