import { FilterX, RotateCcw, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./button";
import { EmptyState } from "./empty-state";

/** A list that failed before it had anything to show: the reason and a retry. */
export function LoadErrorState({ title, message, onRetry }: { title: string; message: ReactNode; onRetry: () => void }) {
  return (
    <div role="alert">
      <EmptyState
        icon={RotateCcw}
        title={title}
        action={
          <Button variant="primary" onClick={onRetry}>
            Try again
          </Button>
        }
      >
        {message}
      </EmptyState>
    </div>
  );
}

type NoResultsProps = {
  /** Whether filters are what emptied the list: then the way out is to clear them. */
  filtered: boolean;
  icon: LucideIcon;
  filteredTitle: string;
  emptyTitle: string;
  onClear: () => void;
  children: ReactNode;
};

/** An empty list, told apart from one emptied by its filters. */
export function NoResultsState({ filtered, icon, filteredTitle, emptyTitle, onClear, children }: NoResultsProps) {
  return (
    <EmptyState
      icon={filtered ? FilterX : icon}
      title={filtered ? filteredTitle : emptyTitle}
      action={filtered ? <Button onClick={onClear}>Clear all filters</Button> : undefined}
    >
      {children}
    </EmptyState>
  );
}

type ResultsBodyProps = {
  /** Why the last fetch failed, or null. */
  error: string | null;
  /** Whether any page has arrived. */
  loaded: boolean;
  empty: boolean;
  errorTitle: string;
  onRetry: () => void;
  skeleton: ReactNode;
  noResults: ReactNode;
  /** The table. */
  children: ReactNode;
};

/**
 * A paged list's body: the failure with a retry when nothing has arrived, the skeleton while loading, the empty
 * state, or the table; a failure after some pages (loading more) is said below what is shown.
 */
export function ResultsBody({ error, loaded, empty, errorTitle, onRetry, skeleton, noResults, children }: ResultsBodyProps) {
  return (
    <>
      {error && !loaded ? (
        <LoadErrorState title={errorTitle} message={error} onRetry={onRetry} />
      ) : !loaded ? (
        skeleton
      ) : empty ? (
        noResults
      ) : (
        children
      )}
      {error && loaded && (
        <p role="alert" className="border-t border-(--border) px-4 py-2 text-xs text-status-fail">
          {error}
        </p>
      )}
    </>
  );
}
