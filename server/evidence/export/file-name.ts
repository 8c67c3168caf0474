import type { ExportRequest } from "@/lib/schemas/evidence";

/** strata-evidence-<framework>-<scan>-<UTC time>.zip: sorts by time in a folder and says what it holds. */
export function exportFileName(request: Pick<ExportRequest, "framework" | "scanId">, at: Date): string {
  // A scan id is a UUID: its first group tells exports apart in a folder; the manifest holds the whole id.
  const scan = request.scanId.replaceAll(/[^A-Za-z0-9]/g, "").slice(0, 8) || "scan";
  const time = at
    .toISOString()
    .replaceAll(/[-:]/g, "")
    .replace(/\.\d+Z$/, "Z");
  return `strata-evidence-${request.framework}-${scan}-${time}.zip`;
}
