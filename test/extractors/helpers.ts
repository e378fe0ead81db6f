/** Builders for small broken inputs used by the extractor tests (no fixtures needed). */
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';

export const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/extractors/${path}`, import.meta.url));

/** A syntactically valid PDF from object bodies (1-based ids) with a correct xref; `trailer` adds entries. */
export function minimalPdf(objects: string[], trailer = ''): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
  '<< /Length 0 >>\nstream\n\nendstream',
];

/** A PDF with a Standard security handler whose user password is not empty (random O/U values). */
export function encryptedPdf(): Buffer {
  const hex = (n: number) => '<' + 'a7'.repeat(n) + '>';
  const encrypt = `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O ${hex(32)} /U ${hex(32)} >>`;
  return minimalPdf([...PAGE_OBJECTS, encrypt], `/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]`);
}

/** A file that starts and ends like a PDF but has nothing readable in between. */
export function corruptPdf(): Buffer {
  return Buffer.from('%PDF-1.7\n' + 'garbage '.repeat(200) + '\n%%EOF\n', 'latin1');
}

/** A zip whose central directory declares one entry expanding to `size` bytes from a tiny payload. */
export function zipBomb(size = 4 * 1024 * 1024 * 1024 - 2): Buffer {
  const name = Buffer.from('word/document.xml');
  const data = deflateRawSync(Buffer.alloc(1024));
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const body = Buffer.concat([local, name, data]);
  const cd = Buffer.concat([central, name]);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, cd, eocd]);
}
