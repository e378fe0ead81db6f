/** Builders for small broken inputs used by the extractor tests (no fixtures needed). */
import { readFileSync } from 'node:fs';
import { pdfOf, zipOf } from '../../scripts/hostile/files.ts';

export const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/extractors/${path}`, import.meta.url));

/** A syntactically valid PDF from object bodies (1-based ids) with a correct xref; `trailer` adds entries. */
export const minimalPdf = pdfOf;

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
  return zipOf([{ name: 'word/document.xml', data: Buffer.alloc(1024), declaredSize: size }]);
}
