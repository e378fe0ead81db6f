/**
 * Reads a zip's central directory (names and sizes only, nothing inflated): enough to recognise a DOCX and
 * to refuse a zip bomb before any decompressor sees it. Headers can lie about sizes, so `checkInflated`
 * also inflates the entries a reader will inflate, each with a hard cap on the bytes it may produce.
 */
import { inflateRawSync } from 'node:zlib';
import { BadDocumentError } from '../src/model/errors.ts';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  /** Compression method (0 stored, 8 deflate). */
  method?: number;
  /** Where the entry's local header starts. */
  localOffset?: number;
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CDH = 0x02014b50;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function findEocd(v: DataView): number {
  const min = Math.max(0, v.byteLength - 22 - 0xffff);
  for (let i = v.byteLength - 22; i >= min; i--) if (v.getUint32(i, true) === EOCD) return i;
  return -1;
}

function zip64Sizes(v: DataView, extraStart: number, extraLen: number, e: ZipEntry): void {
  let p = extraStart;
  const end = extraStart + extraLen;
  while (p + 4 <= end) {
    const id = v.getUint16(p, true);
    const size = v.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      if (e.uncompressedSize === 0xffffffff && q + 8 <= end) { e.uncompressedSize = Number(v.getBigUint64(q, true)); q += 8; }
      if (e.compressedSize === 0xffffffff && q + 8 <= end) e.compressedSize = Number(v.getBigUint64(q, true));
      return;
    }
    p += 4 + size;
  }
}

/** Entries listed in the central directory. Throws BadDocumentError `zip.corrupt` when it cannot be read. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(v);
  if (eocd < 0) throw new BadDocumentError('zip.corrupt', 'zip end-of-central-directory record not found (truncated or damaged file)');
  let count = v.getUint16(eocd + 10, true);
  let cdOffset = v.getUint32(eocd + 16, true);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && v.getUint32(eocd - 20, true) === EOCD64_LOCATOR) {
    const rec = Number(v.getBigUint64(eocd - 20 + 8, true));
    if (rec + 56 > v.byteLength) throw new BadDocumentError('zip.corrupt', 'zip64 directory record out of range');
    count = Number(v.getBigUint64(rec + 32, true));
    cdOffset = Number(v.getBigUint64(rec + 48, true));
  }
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > v.byteLength || v.getUint32(p, true) !== CDH) throw new BadDocumentError('zip.corrupt', `zip central directory entry ${i} is damaged`);
    const nameLen = v.getUint16(p + 28, true);
    const extraLen = v.getUint16(p + 30, true);
    const commentLen = v.getUint16(p + 32, true);
    if (p + 46 + nameLen + extraLen > v.byteLength) throw new BadDocumentError('zip.corrupt', `zip central directory entry ${i} runs past the file`);
    const e: ZipEntry = {
      name: Buffer.from(bytes.buffer, bytes.byteOffset + p + 46, nameLen).toString('utf8'),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      method: v.getUint16(p + 10, true),
      localOffset: v.getUint32(p + 42, true),
    };
    zip64Sizes(v, p + 46 + nameLen, extraLen, e);
    entries.push(e);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Throws BadDocumentError `zip.bomb` when the declared sizes exceed the limits. */
export function checkZipBomb(entries: ZipEntry[], limits: { maxUnzippedBytes: number; maxZipRatio: number }): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(e.compressedSize, 1);
    if (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxZipRatio) {
      throw new BadDocumentError('zip.bomb', `zip entry ${e.name} expands ${Math.round(ratio)}× (${e.uncompressedSize} bytes); limit ${limits.maxZipRatio}×`);
    }
  }
  if (total > limits.maxUnzippedBytes) {
    throw new BadDocumentError('zip.bomb', `zip expands to ${total} bytes; limit ${limits.maxUnzippedBytes}`);
  }
}

/**
 * Inflates `entries` (those a reader will decompress) and counts the bytes they really produce: more than
 * `maxBytes` in all, or an entry producing more than its header declares, is `zip.bomb`. The count is exact
 * and bounded: inflation stops at the cap, whatever the headers say. Returns the total.
 */
export function checkInflated(bytes: Uint8Array, entries: readonly ZipEntry[], maxBytes: number): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const e of entries) {
    const at = e.localOffset ?? -1;
    if (at < 0 || at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) {
      throw new BadDocumentError('zip.corrupt', `zip entry ${e.name}: local header not found`);
    }
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + e.compressedSize));
    const budget = maxBytes - total;
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, Math.min(budget, e.uncompressedSize) + 1) }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
          throw new BadDocumentError('zip.corrupt', `zip entry ${e.name} cannot be inflated: ${(err as Error).message}`, { cause: err });
        }
        size = Math.min(budget, e.uncompressedSize) + 1;
      }
    } else throw new BadDocumentError('zip.corrupt', `zip entry ${e.name}: unsupported compression method ${e.method}`);
    if (size > e.uncompressedSize) {
      throw new BadDocumentError('zip.bomb', `zip entry ${e.name} expands to more than the ${e.uncompressedSize} bytes its header declares`);
    }
    total += size;
    if (total > maxBytes) throw new BadDocumentError('zip.bomb', `zip entries expand to more than ${maxBytes} bytes`);
  }
  return total;
}
