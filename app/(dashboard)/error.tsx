"use client";

import { RotateCcw, ServerCrash } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-(--border) bg-(--card)">
      <EmptyState
        icon={ServerCrash}
        title="This page could not be loaded"
        action={
          <Button variant="primary" onClick={reset}>
            <RotateCcw aria-hidden />
            Try again
          </Button>
        }
      >
        <p>The error was logged on the server. Try again, and tell your administrator if it keeps happening.</p>
        {error.digest && <p className="mt-2 font-mono text-xs">Reference: {error.digest}</p>}
      </EmptyState>
    </div>
  );
}
