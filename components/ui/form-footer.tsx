import { Button } from "./button";
import { cn } from "./cn";

type Props = {
  error: string | null;
  submitLabel: string;
  /** Margins above the error and the button, for a form that does not space its children itself. */
  spaced?: boolean;
};

/** A small popover form's validation message and its submit button. */
export function FormFooter({ error, submitLabel, spaced = false }: Props) {
  return (
    <>
      {error && (
        <p role="alert" className={cn("text-xs text-status-fail", spaced && "mt-2")}>
          {error}
        </p>
      )}
      <div className={cn("flex justify-end", spaced && "mt-3")}>
        <Button type="submit" variant="primary" size="sm">
          {submitLabel}
        </Button>
      </div>
    </>
  );
}
