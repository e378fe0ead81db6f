import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunks, MAX_STRIP_HEIGHT, strip } from '../../extractors/ocr-strip.ts';
import { despeckle } from '../../extractors/raster-clean.ts';
import { estimateSkew } from '../../extractors/raster.ts';
import type { Gray } from '../../extractors/raster.ts';

const blank = (width: number, height: number): Gray => ({ width, height, data: new Uint8Array(width * height).fill(255) });
const ink = (g: Gray, x0: number, y0: number, x1: number, y1: number) => {
  for (let y = y0; y < y1; y++) g.data.fill(0, y * g.width + x0, y * g.width + x1);
};

test('chunks keep every strip under the height limit (tesseract refuses > 32767 px)', () => {
  const cuts = Array.from({ length: 400 }, () => ({ box: [0, 0, 200, 120] as [number, number, number, number] }));
  const groups = chunks(cuts);
  assert.ok(groups.length > 1);
  assert.equal(groups.flat().length, 400);
  for (const g of groups) assert.ok(g.reduce((h, c) => h + c.box[3] - c.box[1] + 24, 24) <= MAX_STRIP_HEIGHT);
});

test('strip squeezes wide blank runs between glyphs when asked', () => {
  const g = blank(400, 60);
  ink(g, 20, 15, 30, 45);
  ink(g, 200, 15, 210, 45);
  const cut = { box: [0, 0, 400, 60] as [number, number, number, number], top: 0 };
  const wide = strip(g, [cut]);
  const squeezed = strip(g, [cut], 10);
  const columnsWithInk = (s: Gray) => {
    const xs: number[] = [];
    for (let x = 0; x < s.width; x++) for (let y = 0; y < s.height; y++) if (s.data[y * s.width + x] < 128) { xs.push(x); break; }
    return xs;
  };
  const a = columnsWithInk(wide);
  const b = columnsWithInk(squeezed);
  assert.equal(a.length, 20);
  assert.equal(b.length, 20);
  assert.ok(a[a.length - 1] - a[0] > 150);
  assert.ok(b[b.length - 1] - b[0] < 30);
  assert.equal(cut.top, 24);
});

test('despeckle removes isolated dots and keeps strokes', () => {
  const g = blank(100, 100);
  ink(g, 10, 10, 12, 12);
  ink(g, 50, 20, 53, 60);
  assert.equal(despeckle(g), 1);
  assert.equal(g.data[10 * 100 + 10], 255);
  assert.equal(g.data[30 * 100 + 51], 0);
});

test('estimateSkew finds a small rotation of ruled lines', () => {
  const g = blank(1200, 600);
  const t = Math.tan((0.4 * Math.PI) / 180);
  for (const base of [100, 200, 300, 400, 500]) {
    for (let x = 0; x < 1200; x++) { const y = Math.round(base + x * t); g.data[y * 1200 + x] = 0; g.data[(y + 1) * 1200 + x] = 0; }
  }
  const deg = (estimateSkew(g) * 180) / Math.PI;
  assert.ok(Math.abs(deg - 0.4) <= 0.05, `skew ${deg}`);
});

test('inkLine cuts a cell down to its line of ink (specks apart from it left out), with a margin', async () => {
  const { inkLine } = await import('../../extractors/ocr-strip.ts');
  const g = blank(300, 200);
  ink(g, 100, 80, 140, 110); // the digits: 30 px high
  ink(g, 30, 20, 32, 22); // a speck well above them
  const box = inkLine(g, [0, 0, 300, 200]);
  assert.equal(box[0], 0);
  assert.equal(box[2], 300);
  assert.ok(box[1] > 22 && box[1] <= 80 - 8, `top ${box[1]}`);
  assert.ok(box[3] >= 110 + 8 && box[3] < 200, `bottom ${box[3]}`);
  assert.deepEqual(inkLine(blank(100, 100), [0, 0, 100, 100]), [0, 0, 100, 100], 'no ink: the cell as it is');
});

test('lineImage: a number wrapped onto a second line is laid out as one line, its lines side by side; a speck is not a line', async () => {
  const { lineImage } = await import('../../extractors/ocr-strip.ts');
  const dark = (im: Gray) => im.data.reduce((n, v) => n + (v < 128 ? 1 : 0), 0);
  const g = blank(120, 200);
  ink(g, 12, 40, 102, 70); // 「278」, filling the narrow cell's width
  ink(g, 12, 100, 42, 130); // 「0」, wrapped below it
  const one = lineImage(g, [0, 0, 120, 200]);
  assert.equal(dark(one), 90 * 30 + 30 * 30, 'both lines, whole');
  const alone = blank(120, 200);
  ink(alone, 12, 40, 102, 70);
  ink(alone, 30, 150, 32, 152); // a speck below
  const single = lineImage(alone, [0, 0, 120, 200]);
  assert.equal(dark(single), 90 * 30, 'the speck is left out');
  assert.ok(single.width < one.width, 'the wrapped line stands beside the first');
  assert.equal(one.height, single.height, 'as high as one line');
  // two short readings stacked in a wide cell (a grid that merged two rows) are not one number
  const stacked = blank(300, 200);
  ink(stacked, 130, 40, 150, 70);
  ink(stacked, 130, 100, 150, 130);
  assert.equal(dark(lineImage(stacked, [0, 0, 300, 200])), 20 * 30, 'one line only');
});

test('the hOCR of a list of images is split into the words of each image, an empty one included', async () => {
  const { parseHocrPages } = await import('../../extractors/ocr-words.ts');
  const word = (t: string) => `<span class='ocrx_word' id='w' title='bbox 10 10 40 40; x_wconf 91'>${t}</span>`;
  const hocr = `<div class='ocr_page' id='page_1'>${word('12')}</div><div class='ocr_page' id='page_2'></div><div class='ocr_page' id='page_3'>${word('7')}</div>`;
  assert.deepEqual(parseHocrPages(hocr).map((ws) => ws.map((w) => w.text)), [['12'], [], ['7']]);
});
