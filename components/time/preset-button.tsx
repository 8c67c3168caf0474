import { cn } from "@/components/ui/cn";

type Props = {
  /** The short name shown ("24h"). */
  preset: string;
  /** The spoken name ("Last 24 hours"). */
  label: string;
  active: boolean;
  onClick: () => void;
  /** Size and colours; `active` picks between the two. */
  className: string;
  activeClassName: string;
  idleClassName: string;
};

/** A relative-range button: shows the short preset, names it in full for screen readers and on hover. */
export function PresetButton({ preset, label, active, onClick, className, activeClassName, idleClassName }: Props) {
  return (
    <button
      type="button"
      aria-pressed={active}
      title={label}
      onClick={onClick}
      className={cn("text-xs font-medium tabular-nums transition-colors", className, active ? activeClassName : idleClassName)}
    >
      <span aria-hidden>{preset}</span>
      <span className="sr-only">{label}</span>
    </button>
  );
}
