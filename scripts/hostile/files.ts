/**
 * Hostile input files, generated (nothing checked in): the kinds of file that once crashed, hung or blew up
 * the memory of an extraction. Used by the tests (small sizes) and by `scripts/hostile/measure.ts` (the
 * sizes of the README's "Hostile inputs" table).
 */
import { deflateRawSync } from 'node:zlib';
import { degrees, PDFDocument } from 'pdf-lib';

/** One zip entry; `declaredSize` (default: the real size) is what the headers claim it expands to. */
export interface ZipSpec {
  name: string;
  data: Buffer;
  declaredSize?: number;
}

/** A deflate zip (local headers, central directory, end record) whose size fields may lie. */
export function zipOf(entries: ZipSpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level: 9 });
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/**
 * A DOCX whose word/document.xml inflates to `inflatedBytes` while every header claims `declaredBytes`:
 * the size checks of the central directory pass, the decompressor would not stop.
 */
export function lyingZipBombDocx(inflatedBytes: number, declaredBytes = 40_000): Buffer {
  const open = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>';
  const close = '</w:t></w:r></w:p></w:body></w:document>';
  const fill = Buffer.alloc(Math.max(0, inflatedBytes - open.length - close.length), 0x41);
  const xml = Buffer.concat([Buffer.from(open), fill, Buffer.from(close)]);
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: xml, declaredSize: declaredBytes },
  ]);
}

/** An honest DOCX (true sizes) whose word/document.xml holds about `xmlBytes` of varied paragraphs. */
export function largeDocx(xmlBytes: number): Buffer {
  const open = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const parts: string[] = [open];
  let n = open.length;
  let seed = 1;
  while (n < xmlBytes) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const p = `<w:p><w:r><w:t>第${seed}号：本机关坚持以公开为常态、不公开为例外，共${seed % 9973}件。</w:t></w:r></w:p>`;
    parts.push(p);
    n += Buffer.byteLength(p);
  }
  parts.push('</w:body></w:document>');
  return zipOf([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(RELS) },
    { name: 'word/document.xml', data: Buffer.from(parts.join('')) },
  ]);
}

/** `depth` nested `<div>`s around a line of text (a page that overflows recursive tree walkers). */
export function nestedDivs(depth: number, inner = '<p>某某镇人民政府2023年政府信息公开工作年度报告</p>'): Buffer {
  return Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${'<div>'.repeat(depth)}${inner}${'</div>'.repeat(depth)}</body></html>`);
}

/** An HTML page of about `bytes` bytes: a report title, then paragraphs and table rows of filler. */
export function hugeHtml(bytes: number): Buffer {
  const head = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某镇人民政府2023年政府信息公开工作年度报告</title></head><body><div class="TRS_Editor">';
  const unit = '<p>本机关坚持以公开为常态、不公开为例外，持续推进决策、执行、管理、服务、结果公开。</p><table><tr><td>项目</td><td>0</td></tr></table>\n';
  const n = Math.max(1, Math.ceil((bytes - head.length) / Buffer.byteLength(unit)));
  return Buffer.from(`${head}${unit.repeat(n)}</div></body></html>`);
}

/** A PDF of `pages` empty pages (nothing drawn on them). */
export async function blankPagesPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return Buffer.from(await doc.save());
}

/** The same PDF with every page's /Rotate set to `angle` (90: shown turned a quarter clockwise). */
export async function rotatedPdf(pdf: Uint8Array, angle = 90): Promise<Buffer> {
  const doc = await PDFDocument.load(pdf);
  for (const page of doc.getPages()) page.setRotation(degrees(angle));
  return Buffer.from(await doc.save());
}

/** A PDF from object bodies (1-based ids) with a correct cross-reference table; `trailer` adds entries. */
export function pdfOf(objects: string[], trailer = ''): Buffer {
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

/** A PDF whose page tree loops: the root's kid is a Pages node whose kid is the root again. */
export function cyclicPageTreePdf(): Buffer {
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 2 >>',
  ]);
}

/** Text with stray NUL and other control bytes put in at a few places (a bad copy, a broken editor). */
export function withControlBytes(text: Buffer, bytes = [0x00, 0x01, 0x00, 0x1b]): Buffer {
  const out: Buffer[] = [];
  const step = Math.max(1, Math.floor(text.length / (bytes.length + 1)));
  let at = 0;
  for (const b of bytes) {
    // Cut at a line end, never inside a multi-byte character.
    const nl = text.indexOf(0x0a, at + step);
    const cut = nl < 0 ? text.length : nl;
    out.push(text.subarray(at, cut), Buffer.from([b]));
    at = cut;
  }
  out.push(text.subarray(at));
  return Buffer.concat(out);
}

/** `bytes` of printable junk (ASCII and Chinese words, no report structure), deterministic. */
export function junkText(bytes: number): Buffer {
  const words = ['lorem', 'ipsum', '数据', '资料', '0x7f3a', '附件', 'qwerty', '第三', '12345', '平台'];
  const parts: string[] = [];
  let n = 0;
  let seed = 7;
  while (n < bytes) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const w = words[seed % words.length]!;
    const sep = seed % 13 === 0 ? '\n' : ' ';
    parts.push(w, sep);
    n += Buffer.byteLength(w) + 1;
  }
  return Buffer.from(parts.join(''));
}
