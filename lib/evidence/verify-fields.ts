/**
 * The verification fields, parsed the same way in the browser (instant feedback), in
 * POST /api/evidence/verify (the authority) and by `strata verify`: one meaning, one wording.
 */
export const MAX_VERIFY_FILES = 20;

const SHA256 = /^[0-9a-f]{64}$/;

export type ParsedField<T> = { ok: true; value: T } | { ok: false; message: string };

/** `--previous`: a manifest SHA-256, or "none" (the first bundle must be the first export); blank: not checked. */
export function parsePrevious(text: string): ParsedField<string | null | undefined> {
  const value = text.trim();
  if (value === "") return { ok: true, value: undefined };
  if (value === "none") return { ok: true, value: null };
  if (!SHA256.test(value))
    return { ok: false, message: `Invalid previous manifest hash "${value}": must be a lower-case hex SHA-256 or none.` };
  return { ok: true, value };
}

/** `--trusted-key`: key ids (SHA-256 of the SPKI DER), comma- or space-separated; blank: any key, its id reported. */
export function parseTrustedKeys(text: string): ParsedField<string[] | undefined> {
  const ids = text.split(/[\s,]+/).filter(Boolean);
  if (ids.length === 0) return { ok: true, value: undefined };
  const bad = ids.find((id) => !SHA256.test(id));
  if (bad !== undefined)
    return { ok: false, message: `Invalid trusted key id "${bad}": must be a key id (64 lower-case hex characters).` };
  return { ok: true, value: ids };
}
