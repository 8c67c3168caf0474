import { Card, CardHeader } from "@/components/ui/card";

const CLI = "npm run strata -- verify jan.zip feb.zip \\\n  --previous none --trusted-key <key id>";

const OPENSSL = [
  "unzip -d b bundle.zip && cd b",
  "# the signature (prints: Signature Verified Successfully)",
  "base64 -d manifest.sig > sig.bin",
  "openssl pkeyutl -verify -pubin -rawin \\",
  "  -inkey public-key.pem -in manifest.json \\",
  "  -sigfile sig.bin",
  "# every file against the manifest",
  "jq -r '.files[] | \"\\(.sha256)  \\(.path)\"' manifest.json \\",
  "  | sha256sum -c",
  "# the key id, and this manifest's SHA-256",
  "openssl pkey -pubin -in public-key.pem \\",
  "  -outform DER | sha256sum",
  "sha256sum manifest.json",
].join("\n");

function Code({ children, label }: { children: string; label: string }) {
  return (
    <pre
      aria-label={label}
      className="overflow-x-auto rounded-lg border border-(--border) bg-slate-950 px-3 py-2.5 font-mono text-[11px] leading-relaxed text-slate-100 dark:bg-black/40"
    >
      <code>{children}</code>
    </pre>
  );
}

/** How to check a bundle without this dashboard: nothing here needs to be trusted. */
export function OfflineHelp() {
  return (
    <Card aria-labelledby="offline-title">
      <CardHeader
        id="offline-title"
        title="Verify offline"
        description="The same checks run without this server, from the bundle alone."
      />
      <div className="space-y-3 px-5 pb-5 text-xs text-(--muted)">
        <p>With the Strata CLI (same checks, same messages; oldest bundle first):</p>
        <Code label="CLI command">{CLI}</Code>
        <p>
          Or with standard tools: <code className="font-mono">manifest.sig</code> is the base64 Ed25519 signature over the exact
          bytes of <code className="font-mono">manifest.json</code>, and <code className="font-mono">public-key.pem</code> is the
          key in SPKI PEM (OpenSSL 3 and jq):
        </p>
        <Code label="OpenSSL commands">{OPENSSL}</Code>
        <p>
          Compare the key id with one you trust, obtained apart from the bundle: a signature only proves the bundle is unchanged
          since whoever holds that key signed it.
        </p>
      </div>
    </Card>
  );
}
