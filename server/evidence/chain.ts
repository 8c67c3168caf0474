import "server-only";
import type { BundleReport, ChainReport, VerifyCheck } from "@/lib/schemas/evidence";
import { verifyBundle, type VerifyOptions } from "./verify";

const none = (hash: string | null) => hash ?? "none (first export)";

/**
 * Verifies each bundle, then that each one names the one before it as its previous manifest, in the
 * order given. `expectedPreviousManifestSha256` applies to the first bundle only. `names` label bundles
 * given as bytes (an upload's file names); a path names itself.
 */
export async function verifyChain(
  inputs: readonly (Uint8Array | string)[],
  options: VerifyOptions & { names?: readonly string[] } = {},
): Promise<ChainReport> {
  const { names, ...verifyOptions } = options;
  const bundles: BundleReport[] = [];
  for (const [i, input] of inputs.entries()) {
    const name = typeof input === "string" ? input : (names?.[i] ?? `bundle ${i + 1}`);
    const first = i === 0 ? {} : { expectedPreviousManifestSha256: undefined };
    bundles.push(await verifyBundle(input, { ...verifyOptions, ...first, name }));
  }
  const links = bundles.slice(1).map((current, i) => checkLink(bundles[i] as BundleReport, current, i + 1));
  return { ok: bundles.length > 0 && bundles.every((b) => b.ok) && links.every((l) => l.ok), bundles, links };
}

function checkLink(previous: BundleReport, current: BundleReport, index: number): VerifyCheck {
  const subject = `bundle ${index} (${previous.source}) → bundle ${index + 1} (${current.source})`;
  const link = (ok: boolean, message: string): VerifyCheck => ({ check: "chain", ok, subject, message });
  if (!previous.manifest || previous.manifestSha256 === null || !current.manifest) {
    return link(
      false,
      `Cannot check the link ${subject}: ${current.manifest ? previous.source : current.source} has no readable manifest.`,
    );
  }
  const named = current.manifest.previousManifestSha256;
  if (named === previous.manifestSha256)
    return link(true, `${current.source} follows ${previous.source} (manifest ${previous.manifestSha256}).`);
  const reversed = previous.manifest.previousManifestSha256 === current.manifestSha256;
  return link(
    false,
    `Chain broken between bundle ${index} and bundle ${index + 1}: ${current.source} names previous manifest ${none(named)}, ` +
      `but ${previous.source}'s manifest.json hashes to ${previous.manifestSha256}` +
      (reversed
        ? ` (the two are in reverse order: ${previous.source} follows ${current.source}).`
        : " (a bundle is missing between them, or they are out of order)."),
  );
}
