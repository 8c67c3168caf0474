import { CircleDashed } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** A link to a scan that is still running or failed: why there is nothing to show, and the way back. */
export function ScanUnavailable({ message, href }: { message: string; href: string }) {
  return (
    <EmptyState
      icon={CircleDashed}
      title="That scan cannot be evaluated"
      className="rounded-xl border border-(--border) bg-(--card)"
      action={
        <Link href={href} className={buttonClasses("primary")}>
          Show the latest completed scan
        </Link>
      }
    >
      {message}
    </EmptyState>
  );
}
