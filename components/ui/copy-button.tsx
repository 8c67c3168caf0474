"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { useCopy } from "@/hooks/use-copy";
import { Button } from "./button";

/** Copies `text`; `what` names it in the toast and the accessible label ("Copy AWS CLI commands"). */
export function CopyButton({ text, what, className }: { text: string; what: string; className?: string }) {
  const copy = useCopy();
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const t = setTimeout(() => setDone(false), 1500);
    return () => clearTimeout(t);
  }, [done]);
  return (
    <Button
      size="sm"
      className={className}
      aria-label={`Copy ${what}`}
      onClick={() => {
        void copy(text, what).then(() => setDone(true));
      }}
    >
      {done ? <Check aria-hidden /> : <Copy aria-hidden />}
      {done ? "Copied" : "Copy"}
    </Button>
  );
}
