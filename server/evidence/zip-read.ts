import "server-only";
import { crc32, inflateRawSync } from "node:zlib";

/**
 * A ZIP reader for verification only. It reads the central directory itself so that it can refuse a
 * zip bomb before inflating anything (entry count, declared sizes) and while inflating (zlib's
 * maxOutputLength), where a general unzip trusts the declared sizes.
 */
export type ZipLimits = { maxEntries: number; maxTotalBytes: number };

export type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
  /** The entry's central-directory record (fixed part, name, extra field, comment). */
  record: Buffer;
};

/** The file is not a readable ZIP; the message says how. */
export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

/** The ZIP is over a size or count limit. */
export class ZipLimitError extends Error {
  override readonly name = "ZipLimitError";
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
export const MiB = (n: number) => `${(n / 1048576).toFixed(1)} MiB`;

export function findEndRecord(bytes: Buffer): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  if (bytes.length === 0) throw new ZipFormatError("Not a ZIP file: the file is empty.");
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL) {
    throw new ZipFormatError(
      `Truncated ZIP: it starts like a ZIP but its end-of-central-directory record is missing (${bytes.length} bytes; the file was cut short).`,
    );
  }
  throw new ZipFormatError("Not a ZIP file: it has no ZIP signature and no end-of-central-directory record.");
}

export function listZipEntries(bytes: Buffer, limits: ZipLimits): ZipEntry[] {
  const end = findEndRecord(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ZipFormatError("Unsupported ZIP: ZIP64 archives are not evidence bundles.");
  }
  if (count > limits.maxEntries) {
    throw new ZipLimitError(`Too many entries: the ZIP holds ${count}, the limit is ${limits.maxEntries}.`);
  }
  if (offset + size > end) {
    throw new ZipFormatError(
      `Truncated or corrupt ZIP: the central directory (offset ${offset}, ${size} bytes) runs past the end record at ${end}.`,
    );
  }
  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let at = offset, i = 0; i < count; i += 1) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) {
      throw new ZipFormatError(`Corrupt ZIP: central directory entry ${i + 1} of ${count} is damaged (offset ${at}).`);
    }
    const nameLength = bytes.readUInt16LE(at + 28);
    const name = bytes.toString("utf8", at + 46, at + 46 + nameLength);
    if (bytes.readUInt16LE(at + 8) & 1) throw new ZipFormatError(`Unsupported ZIP: ${name} is encrypted.`);
    const entry = {
      name,
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      offset: bytes.readUInt32LE(at + 42),
      record: bytes.subarray(at, at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)),
    };
    declared += entry.size;
    if (declared > limits.maxTotalBytes) {
      throw new ZipLimitError(`Too large: the entries would unpack to more than ${MiB(limits.maxTotalBytes)} (the limit).`);
    }
    entries.push(entry);
    at += entry.record.length;
  }
  return entries;
}

/** Inflates one entry; `budget` is what is left of the total uncompressed size allowed. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry, budget: number): Buffer {
  const at = entry.offset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) {
    throw new ZipFormatError(`Corrupt ZIP: the local header of ${entry.name} (offset ${at}) is missing or damaged.`);
  }
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) {
    throw new ZipFormatError(`Truncated ZIP: the data of ${entry.name} runs past the end of the file.`);
  }
  const data = bytes.subarray(start, start + entry.compressedSize);
  let content: Buffer;
  if (entry.method === 0) content = data;
  else if (entry.method === 8) content = inflate(data, entry, budget);
  else throw new ZipFormatError(`Unsupported ZIP: ${entry.name} uses compression method ${entry.method}.`);
  if (content.length !== entry.size) {
    throw new ZipFormatError(`Corrupt ZIP: ${entry.name} unpacks to ${content.length} bytes, its header says ${entry.size}.`);
  }
  if (crc32(content) !== entry.crc) throw new ZipFormatError(`Corrupt ZIP: ${entry.name} fails its CRC-32 check.`);
  return content;
}

function inflate(data: Buffer, entry: ZipEntry, budget: number): Buffer {
  try {
    // One byte over the declared size is enough to catch an entry that lies about it.
    return inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(entry.size + 1, budget + 1)) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
      if (entry.size + 1 > budget) {
        throw new ZipLimitError(`Too large: unpacking ${entry.name} goes over the total uncompressed size allowed.`);
      }
      throw new ZipFormatError(`Corrupt ZIP: ${entry.name} unpacks to more than the ${entry.size} bytes its header says.`);
    }
    throw new ZipFormatError(
      `Corrupt ZIP: ${entry.name} cannot be inflated (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}
