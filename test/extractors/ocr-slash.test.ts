// A value cell whose ink is one slanted stroke is a slash, whatever the OCR read there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSlashStroke, strokeShape } from '../../extractors/ocr-slash.ts';
import type { Gray } from '../../extractors/raster.ts';

const W = 120, H = 80;
/** A white cell with its four borders drawn, and `ink` painted in. */
function cell(ink: (set: (x: number, y: number) => void) => void): Gray {
  const data = new Uint8Array(W * H).fill(255);
  const set = (x: number, y: number) => { if (x >= 0 && y >= 0 && x < W && y < H) data[y * W + x] = 0; };
  for (let x = 0; x < W; x++) { set(x, 0); set(x, 1); set(x, H - 1); set(x, H - 2); }
  for (let y = 0; y < H; y++) { set(0, y); set(1, y); set(W - 1, y); set(W - 2, y); }
  ink(set);
  return { width: W, height: H, data };
}
const BOX: [number, number, number, number] = [0, 0, W, H];
const line = (set: (x: number, y: number) => void, x0: number, y0: number, x1: number, y1: number, w = 2) => {
  const n = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0));
  for (let i = 0; i <= n; i++) for (let d = 0; d < w; d++) set(Math.round(x0 + ((x1 - x0) * i) / n) + d, Math.round(y0 + ((y1 - y0) * i) / n));
};

test('a stroke rising to the right across the cell is a slash', () => {
  const s = strokeShape(cell((set) => line(set, 40, 65, 80, 15)), BOX);
  assert.ok(isSlashStroke(s), JSON.stringify(s));
});

test('digits are not: an upright 1, a 7 (bar and stem), a 4, two digits; nor an empty cell (its borders cut away)', () => {
  const one = cell((set) => line(set, 20, 20, 20, 60));
  const seven = cell((set) => { line(set, 15, 20, 40, 20); line(set, 40, 20, 25, 60); });
  const four = cell((set) => { line(set, 30, 20, 15, 45); line(set, 15, 45, 40, 45); line(set, 32, 20, 32, 60); });
  const twelve = cell((set) => { line(set, 15, 20, 15, 60); line(set, 25, 25, 40, 20); line(set, 40, 20, 25, 60); line(set, 25, 60, 42, 60); });
  for (const [name, g] of [['1', one], ['7', seven], ['4', four], ['12', twelve]] as const) {
    assert.equal(isSlashStroke(strokeShape(g, BOX)), false, name);
  }
  assert.equal(strokeShape(cell(() => {}), BOX), null);
});

test('a level stroke in the middle of the cell is a dash; a rule\'s remnant at its top or across it, a slash, a 7 are not', async () => {
  const { isDashStroke } = await import('../../extractors/ocr-slash.ts');
  const dash = strokeShape(cell((set) => line(set, 12, 42, 60, 42)), BOX);
  assert.ok(isDashStroke(dash), JSON.stringify(dash));
  const centred = strokeShape(cell((set) => line(set, 40, 40, 80, 40)), BOX);
  assert.ok(isDashStroke(centred), JSON.stringify(centred));
  const remnantTop = cell((set) => line(set, 10, 9, 100, 9));
  const across = cell((set) => line(set, 8, 40, 112, 40));
  const slash = cell((set) => line(set, 40, 65, 80, 15));
  const seven = cell((set) => { line(set, 15, 20, 40, 20); line(set, 40, 20, 25, 60); });
  for (const [name, g] of [['remnant at the top', remnantTop], ['rule across', across], ['slash', slash], ['7', seven]] as const) {
    assert.equal(isDashStroke(strokeShape(g, BOX)), false, name);
  }
});

test('digits spaced wide apart (「３ ４ ４」) in a wide cell are no dash, however long and level their ink', async () => {
  const { isDashStroke } = await import('../../extractors/ocr-slash.ts');
  const w = 1200, h = 110;
  const g: Gray = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  // three digit-sized outlines far apart, 36 px high
  for (const x0 of [450, 600, 750]) for (let y = 37; y < 73; y++) for (let x = x0; x < x0 + 20; x++) if (y < 40 || y > 69 || x < x0 + 3 || x > x0 + 16) g.data[y * w + x] = 0;
  const s = strokeShape(g, [0, 0, w, h]);
  assert.ok(s && s.thinness < 0.12, `level and long: ${JSON.stringify(s)}`);
  assert.equal(isDashStroke(s), false, JSON.stringify(s));
});

test('specks scattered along a slanted or level line over a wide cell are no stroke', async () => {
  const { isDashStroke } = await import('../../extractors/ocr-slash.ts');
  const w = 1300, h = 65;
  const g: Gray = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let i = 0; i < 10; i++) g.data[Math.round(20 + i * 2.5) * w + 200 + i * 19] = 0; // 10 dots along 25°, 190 px
  const s = strokeShape(g, [0, 0, w, h]);
  assert.equal(isSlashStroke(s), false, JSON.stringify(s));
  assert.equal(s, null, 'single dots are specks: left out of the stroke');
  const level: Gray = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let i = 0; i < 10; i++) level.data[32 * w + 500 + i * 20] = 0;
  assert.equal(isDashStroke(strokeShape(level, [0, 0, w, h])), false);
});

test('a dash beside specks is still a dash; one aligned to the top of a tall cell too, but not a remnant on the cell\'s edge', async () => {
  const { isDashStroke } = await import('../../extractors/ocr-slash.ts');
  const w = 140, h = 220;
  const make = (y: number, specks: [number, number][]) => {
    const g: Gray = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
    for (let x = 40; x < 100; x++) { g.data[y * w + x] = 0; g.data[(y + 1) * w + x] = 0; }
    for (const [sx, sy] of specks) for (let d = 0; d < 12; d++) g.data[(sy + Math.floor(d / 3)) * w + sx + (d % 3)] = 0; // 3×4 blots
    return strokeShape(g, [0, 0, w, h]);
  };
  const specks: [number, number][] = [[30, 160], [110, 40], [70, 190]];
  assert.ok(isDashStroke(make(110, specks)), JSON.stringify(make(110, specks)));
  assert.ok(isDashStroke(make(40, [])), 'a line below the top of a cell aligned to the top');
  assert.equal(isDashStroke(make(19, [])), false, 'hugging the edge cut away: a rule\'s remnant');
  const left: Gray = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let x = 12; x < 42; x++) left.data[120 * w + x] = 0; // a dash printed against the left rule (cell aligned left)
  assert.ok(isDashStroke(strokeShape(left, [0, 0, w, h])), JSON.stringify(strokeShape(left, [0, 0, w, h])));
});
