import type { ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/posture/format";
import type { Manifest } from "@/lib/schemas/evidence";

function Item({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? "sm:col-span-2 lg:col-span-3" : undefined}>
      <dt className="text-xs font-medium text-(--muted)">{label}</dt>
      <dd className="mt-0.5 text-sm [overflow-wrap:anywhere]">{children}</dd>
    </div>
  );
}

const Hash = ({ value }: { value: string }) => <code className="font-mono text-xs break-all">{value}</code>;

/** What the bundle says about itself, as read from its manifest.json (trustworthy only when the signature is valid). */
export function ManifestSummary({ manifest, manifestSha256 }: { manifest: Manifest; manifestSha256: string | null }) {
  const { accounts, regions } = manifest.scope;
  return (
    <dl className="grid gap-x-6 gap-y-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-3">
      <Item label="Scan">
        <code className="font-mono text-xs">{manifest.scanId}</code>
      </Item>
      <Item label="Framework">{manifest.framework === "all" ? "All frameworks" : manifest.framework}</Item>
      <Item label="Created at">
        <time dateTime={manifest.createdAt} title={manifest.createdAt}>
          {formatDateTime(manifest.createdAt)}
        </time>
      </Item>
      <Item label={`Scope: ${accounts.length} account${accounts.length === 1 ? "" : "s"}`}>
        {accounts.length > 0 ? <span className="font-mono text-xs">{accounts.join(", ")}</span> : "–"}
      </Item>
      <Item label={`Scope: ${regions.length} region${regions.length === 1 ? "" : "s"}`}>
        {regions.length > 0 ? regions.join(", ") : "–"}
      </Item>
      <Item label="Generator">
        {manifest.generator.name} {manifest.generator.version}
      </Item>
      <Item label="Signing key id (SHA-256 of the SPKI DER)" wide>
        <Hash value={manifest.keyId} />
      </Item>
      <Item label="Previous manifest SHA-256" wide>
        {manifest.previousManifestSha256 ? (
          <Hash value={manifest.previousManifestSha256} />
        ) : (
          <span className="text-(--muted)">None: this is the first export of its chain</span>
        )}
      </Item>
      {manifestSha256 && (
        <Item label="This manifest's SHA-256 (the next export names it as its previous)" wide>
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <Hash value={manifestSha256} />
            <CopyButton text={manifestSha256} what="Manifest SHA-256" />
          </span>
        </Item>
      )}
    </dl>
  );
}
