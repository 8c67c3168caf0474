"use client";

import { Menu, X } from "lucide-react";
import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/** Below md the sidebar lives in a modal <dialog>: the browser traps focus and closes it on Escape. */
export function MobileNav({ header, children }: { header: ReactNode; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    dialog.current?.close();
  }, [pathname]);

  return (
    <div className="sticky top-0 z-20 flex h-14 items-center justify-between border-b border-(--border) bg-(--card)/90 px-4 backdrop-blur md:hidden">
      {header}
      <button
        type="button"
        onClick={() => dialog.current?.showModal()}
        className="grid size-9 place-items-center rounded-lg text-(--muted) hover:bg-slate-900/[0.05] hover:text-(--foreground) dark:hover:bg-white/[0.06]"
      >
        <Menu aria-hidden className="size-5" />
        <span className="sr-only">Open navigation</span>
      </button>
      <dialog
        ref={dialog}
        aria-label="Navigation"
        onClick={(e) => {
          if (e.target === e.currentTarget) e.currentTarget.close();
        }}
        className="m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r border-(--border) bg-(--card) p-0 text-(--foreground) backdrop:bg-slate-950/40 backdrop:backdrop-blur-[1px]"
      >
        <div className="flex h-full flex-col">
          <div className="flex justify-end p-2">
            <button
              type="button"
              onClick={() => dialog.current?.close()}
              className="grid size-9 place-items-center rounded-lg text-(--muted) hover:bg-slate-900/[0.05] hover:text-(--foreground) dark:hover:bg-white/[0.06]"
            >
              <X aria-hidden className="size-5" />
              <span className="sr-only">Close navigation</span>
            </button>
          </div>
          {children}
        </div>
      </dialog>
    </div>
  );
}
