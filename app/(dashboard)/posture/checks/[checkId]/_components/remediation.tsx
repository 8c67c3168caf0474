"use client";

import { SquareTerminal, MousePointerClick, FileCode2 } from "lucide-react";
import { CopyButton } from "@/components/ui/copy-button";
import { Tabs } from "@/components/ui/tabs";
import type { CheckDetail } from "@/lib/schemas/posture";

function CodePanel({ code, what, language }: { code: string; what: string; language: string }) {
  return (
    <div className="relative">
      <div className="flex items-center justify-between px-5 pt-3">
        <span className="text-xs text-(--muted)">{language}</span>
        <CopyButton text={code} what={what} />
      </div>
      <pre className="m-5 mt-3 overflow-x-auto rounded-lg border border-(--border) bg-slate-950 p-4 font-mono text-[13px] leading-relaxed text-slate-100 dark:bg-black/40">
        <code>{code}</code>
      </pre>
    </div>
  );
}

export function Remediation({ remediation }: { remediation: CheckDetail["remediation"] }) {
  const consoleText = remediation.console.map((step, i) => `${i + 1}. ${step}`).join("\n");
  return (
    <Tabs
      label="Remediation"
      tabs={[
        {
          id: "console",
          label: (
            <>
              <MousePointerClick aria-hidden className="size-4" /> Console
            </>
          ),
          panel: (
            <div>
              <div className="flex items-center justify-between px-5 pt-3">
                <span className="text-xs text-(--muted)">AWS Management Console steps</span>
                <CopyButton text={consoleText} what="console steps" />
              </div>
              <ol className="m-5 mt-3 space-y-2.5">
                {remediation.console.map((step, i) => (
                  <li key={i} className="flex gap-3 text-sm">
                    <span
                      aria-hidden
                      className="grid size-6 shrink-0 place-items-center rounded-full bg-(--accent)/12 text-xs font-semibold text-(--accent)"
                    >
                      {i + 1}
                    </span>
                    <span className="pt-0.5">{step}</span>
                  </li>
                ))}
              </ol>
            </div>
          ),
        },
        {
          id: "cli",
          label: (
            <>
              <SquareTerminal aria-hidden className="size-4" /> AWS CLI
            </>
          ),
          panel: <CodePanel code={remediation.cli} what="AWS CLI commands" language="Shell" />,
        },
        {
          id: "terraform",
          label: (
            <>
              <FileCode2 aria-hidden className="size-4" /> Terraform
            </>
          ),
          panel: <CodePanel code={remediation.terraform} what="Terraform" language="HCL" />,
        },
      ]}
    />
  );
}
