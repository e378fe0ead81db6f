/**
 * Reads a zip's central directory (names and sizes only, nothing inflated): enough to recognise a DOCX and
 * to refuse a zip bomb before any decompressor sees it.
 */
import { BadDocumentError } from '../src/model/errors.ts';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
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
