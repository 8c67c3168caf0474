"use client";

import { FileArchive, Upload } from "lucide-react";
import { useRef, useState, type DragEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { MAX_VERIFY_FILES } from "@/lib/evidence/verify-fields";

/** Drag-and-drop or a file picker (the button is the keyboard path); any file is accepted, the server says what it is. */
export function DropZone({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      onDragEnter={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = disabled ? "none" : "copy";
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
      className={cn(
        "flex flex-col items-center justify-center rounded-xl border-2 border-dashed px-6 py-8 text-center transition-colors",
        over ? "border-(--accent) bg-(--accent)/[0.06]" : "border-(--border) bg-(--background)/60",
      )}
    >
      <span className="mb-3 grid size-11 place-items-center rounded-xl border border-(--border) bg-(--card) shadow-xs">
        <FileArchive aria-hidden className="size-5 text-(--accent)" />
      </span>
      <p className="text-sm font-medium">Drop evidence bundles here</p>
      <p className="mt-1 max-w-sm text-xs text-(--muted)">
        One ZIP, or up to {MAX_VERIFY_FILES} exports of a chain. Nothing is stored: the bundles are checked and discarded.
      </p>
      <Button className="mt-4" disabled={disabled} onClick={() => input.current?.click()}>
        <Upload aria-hidden /> Choose files…
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".zip,application/zip"
        aria-label="Evidence bundles (.zip)"
        tabIndex={-1}
        className="sr-only"
        onChange={(e) => {
          onFiles([...(e.currentTarget.files ?? [])]);
          // The same file can be chosen again after it was removed.
          e.currentTarget.value = "";
        }}
      />
    </div>
  );
}
