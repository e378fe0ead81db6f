/**
 * Lists the stream names of an OLE compound file (DOC, WPS, XLS, …) by following the directory chain
 * through the FAT. Only names are read: enough to tell a Word document from a Kingsoft WPS or other file.
 */

export const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && OLE_MAGIC.every((b, i) => bytes[i] === b);
}

const END_OF_CHAIN = 0xfffffffe;
const MAX_SECTORS = 1 << 20;

/** Stream and storage names in the OLE directory; [] when the structure cannot be followed. */
export function oleStreamNames(bytes: Uint8Array): string[] {
  if (!isOle(bytes)) return [];
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shift = v.getUint16(30, true);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sectorOffset = (s: number): number => (s + 1) * size;
  // FAT sectors: first 109 from the header DIFAT (extra DIFAT sectors are rare in documents; ignored).
  const fatSectors: number[] = [];
  const nFat = v.getUint32(44, true);
  for (let i = 0; i < Math.min(nFat, 109); i++) fatSectors.push(v.getUint32(76 + i * 4, true));
  const perSector = size / 4;
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perSector)];
    if (fs === undefined) return END_OF_CHAIN;
    const off = sectorOffset(fs) + (s % perSector) * 4;
    return off + 4 <= bytes.length ? v.getUint32(off, true) : END_OF_CHAIN;
  };
  const names: string[] = [];
  let sector = v.getUint32(48, true);
  const seen = new Set<number>();
  while (sector < 0xfffffffa && !seen.has(sector) && seen.size < MAX_SECTORS) {
    seen.add(sector);
    const base = sectorOffset(sector);
    if (base + size > bytes.length) break;
    for (let e = 0; e < size / 128; e++) {
      const off = base + e * 128;
      const nameLen = v.getUint16(off + 64, true);
      const type = bytes[off + 66];
      if (type === 0 || nameLen < 2 || nameLen > 64) continue;
      names.push(Buffer.from(bytes.buffer, bytes.byteOffset + off, nameLen - 2).toString('utf16le'));
    }
    sector = next(sector);
  }
  return names;
}
