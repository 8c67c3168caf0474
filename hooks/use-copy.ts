"use client";

import { useCallback } from "react";
import { toast } from "sonner";

// navigator.clipboard exists only in secure contexts; a self-hosted dashboard may be served over plain http.
function legacyCopy(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } finally {
    area.remove();
  }
}

/** Copies text to the clipboard and confirms with a toast naming what was copied. */
export function useCopy(): (text: string, what: string) => Promise<void> {
  return useCallback(async (text: string, what: string) => {
    let ok = false;
    try {
      if (navigator.clipboard && window.isSecureContext) {
        await navigator.clipboard.writeText(text);
        ok = true;
      } else {
        ok = legacyCopy(text);
      }
    } catch {
      ok = legacyCopy(text);
    }
    if (ok) toast.success(`${what} copied to the clipboard`);
    else toast.error("Could not copy. Select the text and copy it by hand.");
  }, []);
}
