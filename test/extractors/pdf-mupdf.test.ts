// The MuPDF route for text PDFs gives what the pdf.js route gives; what it cannot reproduce goes to pdf.js.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../extractors/index.ts';
import { Deadline, resolveOptions } from '../../extractors/options.ts';
import { itemsToWords, pathsToSegments, readPdfMupdf, type MuGlyph } from '../../extractors/pdf-mupdf.ts';
import { parseReport } from '../../src/parse/index.ts';
import { fixture } from './helpers.ts';

async function withEngine<T>(engine: string | undefined, f: () => Promise<T>): Promise<T> {
  const before = process.env.NIANBAO_PDF_ENGINE;
  if (engine === undefined) delete process.env.NIANBAO_PDF_ENGINE;
  else process.env.NIANBAO_PDF_ENGINE = engine;
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env.NIANBAO_PDF_ENGINE;
    else process.env.NIANBAO_PDF_ENGINE = before;
  }
}

// A LibreOffice PDF (embedded fonts, ruled tables) and a real WPS one with a label written vertically.
for (const file of ['formats/report.pdf', 'real/hongze-2024.pdf']) {
  test(`${file}: MuPDF and pdf.js give the same tables, text and values`, async () => {
    const bytes = fixture(file);
    const mu = await readPdfMupdf(bytes, resolveOptions(), new Deadline(60_000));
    assert.ok(mu, 'the MuPDF route takes this file');
    const a = await withEngine(undefined, () => extract(bytes, { fileName: file }));
    const b = await withEngine('pdfjs', () => extract(bytes, { fileName: file }));
    // Coordinates agree to float rounding; everything read from them is the same.
    const round = (m: unknown) => JSON.parse(JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));
    assert.deepEqual(round(a.value.blocks), round(b.value.blocks));
    assert.deepEqual(a.value.title, b.value.title);
    assert.deepEqual(a.warnings, b.warnings);
    const [ra, rb] = [parseReport(a.value).value, parseReport(b.value).value];
    assert.equal(ra.template, rb.template);
    assert.ok(Object.keys(ra.cells).length > 100);
    assert.deepEqual(ra.values, rb.values);
    assert.deepEqual(Object.entries(ra.cells).map(([k, c]) => [k, c.raw, c.kind]), Object.entries(rb.cells).map(([k, c]) => [k, c.raw, c.kind]));
  });
}

const g = (ch: string, x: number, opts: { font?: string; size?: number; y?: number; adv?: number } = {}): MuGlyph => {
  const size = opts.size ?? 10;
  return [opts.font ?? 'F1', size, 0, 0, -size, x, opts.y ?? 100, ch.codePointAt(0)!, opts.adv ?? 1, 0];
};

test('glyphs join into items as pdf.js joins them: spaces for small gaps, new items for big gaps, jumps back and font changes', () => {
  const r = itemsToWords([
    g('本', 10), g('年', 20), // contiguous
    g('新', 32), // gap 0.2 em: a space
    g('收', 50), // gap 0.8 em: a new item
    g('1', 60, { font: 'F2', adv: 0.5 }), // another font: a new item
    g('《', 62), // a jump back of 0.3 em: a new item
  ])!;
  assert.deepEqual(r.words.map((w) => w.text), ['本年 新', '收', '1', '《']);
  assert.deepEqual([r.words[0]!.x0, r.words[0]!.x1, r.words[0]!.y0, r.words[0]!.y1], [10, 42, 90, 100]);
  assert.equal(r.words[2]!.x1, 65);
  assert.equal(r.chars, 6);
});

test('rotated text is left to pdf.js; vertical glyphs become a column word', () => {
  assert.equal(itemsToWords([['F', 0, 10, -10, 0, 50, 50, 0x4e09, 1, 0]]), null);
  const v = (ch: string, y: number): MuGlyph => ['V', 10, 0, 0, -10, 80, y, ch.codePointAt(0)!, 1, 1, 1];
  const r = itemsToWords([g('表', 10), v('三', 120), v('、', 130), v('本', 140)])!;
  assert.deepEqual(r.words.map((w) => w.text), ['表', '三、本']);
  const col = r.words[1]!;
  assert.deepEqual([col.x0, col.x1], [80, 90]);
  assert.ok(Math.abs(col.y0 - 111.2) < 1e-9 && Math.abs(col.y1 - 141.2) < 1e-9);
});

test('painted paths → ruling segments: dark strokes and thin filled bars, not light fills or curves', () => {
  const segs = pathsToSegments([
    ['s', [0, 0, 0], ['m', 10, 20, 'l', 110, 20]],
    ['f', [0, 0, 0], ['m', 10, 50, 'l', 110, 50, 'l', 110, 51, 'l', 10, 51, 'h']],
    ['f', [1, 1, 1], ['m', 10, 60, 'l', 110, 60, 'l', 110, 61, 'l', 10, 61, 'h']],
    ['s', [0, 0, 0], ['m', 0, 0, 'c', 'l', 50, 0]],
    ['s', null, ['m', 30, 0, 'l', 30, 90]],
  ]);
  assert.deepEqual(segs, [
    { x0: 10, x1: 110, y0: 20, y1: 20 },
    { x0: 10, x1: 110, y0: 50.5, y1: 50.5 },
    { x0: 30, x1: 30, y0: 0, y1: 90 },
  ]);
});
