import "server-only";
import { findEndRecord, type ZipEntry } from "./zip-read";

const DESCRIPTOR = 0x08074b50;

/**
 * Problems with how the ZIP is laid out, beyond what reading its entries needs: every byte must
 * belong to an entry, the central directory or the end record, and every field the format repeats
 * must agree, so that a changed byte in a header is reported rather than ignored. Left unchecked
 * (they carry no content): "version made by", file attributes, and unused bits of a deflate stream.
 */
export function zipLayoutProblems(bytes: Buffer, entries: readonly ZipEntry[]): { subject: string; message: string }[] {
  const problems: { subject: string; message: string }[] = [];
  const note = (subject: string, message: string) => problems.push({ subject, message });
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.offset - b.offset)) {
    const cd = entry.record;
    const at = entry.offset;
    if (at + 30 > bytes.length)
      return [...problems, { subject: entry.name, message: `Truncated ZIP: ${entry.name}'s header runs past the end.` }];
    if (at !== expected)
      note(entry.name, `Corrupt ZIP: ${entry.name} starts at offset ${at}, expected ${expected} (gap or overlap).`);
    const nameLength = bytes.readUInt16LE(at + 26);
    const extraLength = bytes.readUInt16LE(at + 28);
    const start = at + 30 + nameLength + extraLength;
    if (start > bytes.length)
      return [...problems, { subject: entry.name, message: `Truncated ZIP: ${entry.name}'s header runs past the end.` }];
    // Local header fields at 4..13 (version needed, flags, method, time, date) repeat the central ones at 6..15.
    if (!bytes.subarray(at + 4, at + 14).equals(cd.subarray(6, 16))) {
      note(
        entry.name,
        `Corrupt ZIP: ${entry.name}'s local header (version, flags, method or time) differs from the central directory.`,
      );
    }
    const cdNameExtra = cd.subarray(46, 46 + cd.readUInt16LE(28) + cd.readUInt16LE(30));
    if (!bytes.subarray(at + 30, start).equals(cdNameExtra) || cd.readUInt16LE(28) !== nameLength) {
      note(entry.name, `Corrupt ZIP: ${entry.name}'s local name or extra field differs from the central directory.`);
    }
    if (cd.readUInt16LE(32) !== 0 || cd.readUInt16LE(34) !== 0)
      note(entry.name, `Corrupt ZIP: ${entry.name} has a file comment or a disk number.`);
    const sizes = cd.subarray(16, 28);
    const local = bytes.subarray(at + 14, at + 26);
    const streamed = (cd.readUInt16LE(8) & 8) !== 0;
    let next = start + entry.compressedSize;
    if (streamed) {
      if (!local.equals(Buffer.alloc(12)) && !local.equals(sizes))
        note(entry.name, `Corrupt ZIP: ${entry.name}'s local CRC or sizes differ from the central directory.`);
      const signed = next + 4 <= bytes.length && bytes.readUInt32LE(next) === DESCRIPTOR ? 4 : 0;
      const descriptor = bytes.subarray(next + signed, next + signed + 12);
      if (!descriptor.equals(sizes))
        note(entry.name, `Corrupt ZIP: ${entry.name}'s data descriptor differs from the central directory.`);
      next += signed + 12;
    } else if (!local.equals(sizes)) {
      note(entry.name, `Corrupt ZIP: ${entry.name}'s local CRC or sizes differ from the central directory.`);
    }
    expected = next;
  }
  return problems.concat(endRecordProblems(bytes, expected, findEndRecord(bytes)));
}

function endRecordProblems(bytes: Buffer, centralStart: number, end: number): { subject: string; message: string }[] {
  const subject = "end of central directory";
  const problems: string[] = [];
  const offset = bytes.readUInt32LE(end + 16);
  if (offset !== centralStart)
    problems.push(`the central directory starts at ${offset}, expected ${centralStart} right after the last entry`);
  if (offset + bytes.readUInt32LE(end + 12) !== end) problems.push("the central directory size does not reach the end record");
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0) problems.push("disk numbers are not 0");
  if (bytes.readUInt16LE(end + 8) !== bytes.readUInt16LE(end + 10)) problems.push("the two entry counts differ");
  if (end + 22 + bytes.readUInt16LE(end + 20) !== bytes.length)
    problems.push("the archive comment length does not match the bytes after the end record");
  return problems.map((p) => ({ subject, message: `Corrupt ZIP: ${p}.` }));
}
