import { z } from "zod";
import { getAttestationAttachment } from "@/server/compliance/attestations";
import { getDb } from "@/server/db";
import { route } from "@/server/http/route";

const params = z.object({ id: z.string().min(1).max(64) });

/** ASCII fallback for old clients: anything that could end the header value or a path becomes "_". */
function asciiName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._ -]/g, "_").replace(/^\.+/, "_");
  return safe.trim() === "" ? "attachment" : safe;
}

/**
 * An attestation's file, always as a download of opaque bytes: an uploaded HTML or SVG file must
 * never render on the dashboard's origin.
 */
export const GET = route({ permission: "reports:export", params }, async ({ params }) => {
  const file = await getAttestationAttachment(await getDb(), params.id);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/octet-stream",
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": `attachment; filename="${asciiName(file.name)}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
      ETag: `"${file.sha256}"`,
    },
  });
});
