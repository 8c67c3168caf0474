"use client";

import { Bookmark, Trash2, Users } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { visibleText } from "@/components/logs/escape";
import { useDeleteView, useSaveView, useSavedViews } from "@/hooks/use-logs-views";
import { ApiError } from "@/lib/api/fetcher";
import type { SavedView } from "@/lib/schemas/log-detail";
import { Popover } from "./popover";

/** The URL's search string as a view stores it: without the open record, which belongs to a moment, not a view. */
function viewQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("id");
  return params.toString();
}

function ViewList({ title, views, onOpen }: { title: string; views: SavedView[]; onOpen: (v: SavedView) => void }) {
  const remove = useDeleteView();
  if (views.length === 0) return null;
  return (
    <div role="group" aria-label={title}>
      <p className="px-2 pt-2 pb-1 text-[11px] font-medium tracking-wide text-(--muted) uppercase">{title}</p>
      <ul>
        {views.map((v) => (
          <li
            key={v.id}
            className="group flex items-center gap-1 rounded-md hover:bg-slate-900/[0.04] dark:hover:bg-white/[0.05]"
          >
            <button type="button" onClick={() => onOpen(v)} className="min-w-0 flex-1 px-2 py-1.5 text-left text-sm">
              <span className="block truncate">{visibleText(v.name)}</span>
              {v.shared && <span className="block truncate text-[11px] text-(--muted)">by {visibleText(v.ownerName)}</span>}
            </button>
            {v.canDelete && (
              <button
                type="button"
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(v.id, {
                    onSuccess: () => toast.success(`View "${visibleText(v.name)}" deleted`),
                    onError: (e) => toast.error(e instanceof ApiError ? e.message : "The view could not be deleted."),
                  })
                }
                className="mr-1 grid size-7 shrink-0 place-items-center rounded text-(--muted) hover:bg-status-fail/10 hover:text-status-fail"
              >
                <Trash2 aria-hidden className="size-3.5" />
                <span className="sr-only">Delete view {visibleText(v.name)}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function ViewsPanel({ close }: { close: () => void }) {
  const router = useRouter();
  const views = useSavedViews(true);
  const save = useSaveView();
  const [name, setName] = useState("");
  const [shared, setShared] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError("Name the view.");
    save.mutate(
      { name: name.trim(), query: viewQuery(window.location.search), shared },
      {
        onSuccess: (v) => {
          toast.success(`View "${visibleText(v.name)}" saved`);
          setName("");
          setError(null);
        },
        onError: (err) => setError(err instanceof ApiError ? err.message : "The view could not be saved."),
      },
    );
  };
  const open = (v: SavedView) => {
    close();
    router.push(`/logs${v.query ? `?${v.query}` : ""}`);
  };
  const list = views.data ?? [];

  return (
    <div className="space-y-2">
      <div className="max-h-72 overflow-y-auto">
        {views.isPending ? (
          <div className="space-y-1.5 p-2">
            <Skeleton className="h-6" />
            <Skeleton className="h-6" />
          </div>
        ) : views.error ? (
          <p role="alert" className="p-2 text-xs text-status-fail">
            {views.error instanceof ApiError ? views.error.message : "Saved views could not be loaded."}
          </p>
        ) : list.length === 0 ? (
          <p className="p-2 text-xs text-(--muted)">No saved views yet. Save the current filters, range and columns below.</p>
        ) : (
          <>
            <ViewList title="My views" views={list.filter((v) => !v.shared)} onOpen={open} />
            <ViewList title="Shared with everyone" views={list.filter((v) => v.shared)} onOpen={open} />
          </>
        )}
      </div>
      <form
        onSubmit={submit}
        noValidate
        className="space-y-2 border-t border-(--border) px-1 pt-3"
        aria-label="Save the current view"
      >
        <label className="block space-y-1 text-xs">
          <span className="font-medium">Save current view as</span>
          <input
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            maxLength={80}
            placeholder="e.g. Prompt attacks, prod"
            aria-invalid={error ? true : undefined}
            className="h-8 w-full rounded-md border border-(--border) bg-(--background) px-2 text-sm placeholder:text-(--muted)/70"
          />
        </label>
        <label className="flex items-center gap-2 text-xs">
          <input
            type="checkbox"
            checked={shared}
            onChange={(e) => setShared(e.currentTarget.checked)}
            className="size-4 accent-(--accent)"
          />
          <Users aria-hidden className="size-3.5 text-(--muted)" />
          Share with everyone who can read logs
        </label>
        {error && (
          <p role="alert" className="text-xs text-status-fail">
            {error}
          </p>
        )}
        <Button type="submit" size="sm" variant="primary" className="w-full" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save view"}
        </Button>
      </form>
    </div>
  );
}

export function SavedViewsMenu() {
  return (
    <Popover
      label={
        <>
          <Bookmark aria-hidden />
          Views
        </>
      }
      ariaLabel="Saved views"
      width="w-80"
    >
      {(close) => <ViewsPanel close={close} />}
    </Popover>
  );
}
