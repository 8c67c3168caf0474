import "server-only";
import { createHash } from "node:crypto";

/**
 * Fixed namespace for Strata's OSCAL uuids (generated once, never change it): every uuid in a document is a
 * uuid v5 of this namespace and a stable name, so re-exporting a scan yields the same uuids and consumers can
 * correlate findings across exports.
 */
const STRATA_OSCAL_NAMESPACE = "0b7c3f5e-8a41-4d2a-9c6e-5f1d2b7a9e34";

/** RFC 4122 §4.3 name-based uuid (SHA-1, version 5). */
export function uuidV5(name: string, namespace: string = STRATA_OSCAL_NAMESPACE): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replace(/-/g, ""), "hex"))
    .update(name, "utf8")
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * OSCAL control-ids are NCName tokens (a letter or "_" first; letters, digits, ".", "-", "_"), which ids such as
 * "164.312(b)", "Art. 32" or "LLM01:2025" are not. Lower-case like NIST's catalogs ("AC-2(1)" → "ac-2.1"),
 * parenthesised parts become dotted parts, any other run of characters becomes "_", and the framework id goes in
 * front because requirement ids repeat across catalogs (GDPR and the EU AI Act both have "Art. 32").
 */
export function controlToken(frameworkId: string, requirementId: string): string {
  const slug = requirementId
    .toLowerCase()
    .replace(/\(([^()]*)\)/g, ".$1")
    .replace(/[^\p{L}\p{N}.-]+/gu, "_")
    .replace(/[._]{2,}/g, "_")
    .replace(/^[._-]+|[._-]+$/g, "");
  return `${frameworkId}_${slug}`;
}

/**
 * OSCAL strings and prop values must be non-empty, single-line and trimmed; AWS messages and names are data we
 * do not control, so fold whitespace rather than let one newline invalidate the document.
 */
export function oscalString(value: string, fallback = "(empty)"): string {
  const folded = value.replace(/\s+/g, " ").trim();
  return folded === "" ? fallback : folded;
}
