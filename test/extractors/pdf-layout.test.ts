import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageLayoutInput, Segment, Word } from '../../extractors/layout-types.ts';
import { layoutPages } from '../../extractors/pdf-layout.ts';
import { findRuledTables } from '../../extractors/pdf-ruled.ts';
import type { Block, TableGrid } from '../../src/model/document.ts';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });
/** A word whose box is centred at (cx, cy), 10 pt high, 10 pt per character. */
const w = (text: string, cx: number, cy: number): Word => {
  const width = [...text].length * 10;
  return { text, x0: cx - width / 2, x1: cx + width / 2, y0: cy - 5, y1: cy + 5 };
};
const page = (n: number, words: Word[], segments: Segment[] = []): PageLayoutInput => ({ page: n, width: 600, height: 800, words, segments });
const tables = (blocks: Block[]): TableGrid[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => c.text));
const spans = (t: TableGrid) => t.rows.map((r) => r.map((c) => `${c.colSpan}x${c.rowSpan}`));

/** Frame of a grid: rows at ys, columns at xs, with some interior borders left out (merged cells). */
function frame(xs: number[], ys: number[], skipV: (x: number, y0: number) => boolean = () => false, skipH: (y: number, x0: number) => boolean = () => false): Segment[] {
  const segs: Segment[] = [];
  for (let i = 0; i < ys.length; i++) for (let j = 0; j + 1 < xs.length; j++) if (!skipH(ys[i], xs[j])) segs.push(h(ys[i], xs[j], xs[j + 1]));
  for (let j = 0; j < xs.length; j++) for (let i = 0; i + 1 < ys.length; i++) if (!skipV(xs[j], ys[i])) segs.push(v(xs[j], ys[i], ys[i + 1]));
  return segs;
}

test('ruled table: merged cells from missing borders, words placed in cells, a word split at a border', () => {
  // 3 columns × 3 rows; top row merged across all columns; the left cell of rows 2–3 merged vertically.
  const xs = [100, 200, 300, 400];
  const ys = [100, 130, 160, 190];
  const segs = frame(xs, ys, (x, y0) => y0 === 100 && (x === 200 || x === 300), (y, x0) => y === 160 && x0 === 100);
  const words = [w('第二十条第（一）项', 250, 115), w('信息', 150, 170), w('内容', 150, 180), w('1', 250, 145), w('2', 350, 145), w('34', 250, 175), w('5', 350, 175)];
  const { tables: found, rest } = findRuledTables(segs, words);
  assert.equal(found.length, 1);
  assert.equal(rest.length, 0);
  const r = layoutPages([page(1, words, segs)]);
  const [t] = tables(r.blocks);
  assert.deepEqual(texts(t), [['第二十条第（一）项'], ['信息内容', '1', '2'], ['34', '5']]);
  assert.deepEqual(spans(t), [['3x1'], ['1x2', '1x1', '1x1'], ['1x1', '1x1']]);
  assert.equal(t.reliableColumns, true);
  assert.equal(t.page, 1);
  assert.deepEqual(t.rows[1][1].bbox, [200, 130, 300, 160]);
});

test('a table continuing on the next page is joined; the group label carries over; page numbers dropped', () => {
  const xs = [100, 160, 300, 350];
  const p1 = frame(xs, [600, 630, 660, 690], () => false, (y, x0) => x0 === 100 && (y === 630 || y === 660));
  const p2 = frame(xs, [50, 80, 110], () => false, (y, x0) => x0 === 100 && y === 80);
  const words1 = [w('标题', 300, 300), w('三、结果', 130, 645), w('（一）予以公开', 230, 615), w('（二）部分公开', 230, 645), w('（三）不予公开', 230, 675), w('5', 325, 615), w('6', 325, 645), w('7', 325, 675), w('- 1 -', 300, 780)];
  const words2 = [w('（四）无法提供', 230, 65), w('8', 325, 65), w('（七）总计', 230, 95), w('26', 325, 95), w('- 2 -', 300, 780)];
  const r = layoutPages([page(1, words1, p1), page(2, words2, p2)]);
  const ts = tables(r.blocks);
  assert.equal(ts.length, 1);
  assert.deepEqual(texts(ts[0]), [
    ['三、结果', '（一）予以公开', '5'],
    ['（二）部分公开', '6'],
    ['（三）不予公开', '7'],
    ['（四）无法提供', '8'],
    ['（七）总计', '26'],
  ]);
  assert.equal(ts[0].rows[0][0].rowSpan, 5);
  assert.ok(r.warnings.some((m) => m.code === 'pdf.table_joined'));
  const paras = r.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  assert.deepEqual(paras, ['标题']);
  assert.ok(!r.lines.some((l) => l.text.includes('- 2 -')));
});

test('a row split by the page break is merged back, label text joined', () => {
  const xs = [100, 250, 350];
  const r = layoutPages([
    page(1, [w('2.申请人逾期未按', 175, 715), w('4', 300, 715)], frame(xs, [700, 730])),
    page(2, [w('收费通知', 175, 65)], frame(xs, [50, 80])),
  ]);
  const [t] = tables(r.blocks);
  assert.deepEqual(texts(t), [['2.申请人逾期未按收费通知', '4']]);
});

test('borderless table: columns from aligned words, a wrapped label joins its row', () => {
  const words = [
    w('项目', 120, 100), w('自然人', 300, 100), w('总计', 400, 100),
    w('（一）予以公开', 150, 120), w('12', 300, 120), w('14', 400, 120),
    w('（二）部分公开（区分', 160, 140), w('3', 300, 140), w('3', 400, 140),
    w('处理的）', 130, 155),
    w('（三）不予公开', 150, 175), w('0', 300, 175), w('1', 400, 175),
  ];
  const r = layoutPages([page(1, words)]);
  const [t] = tables(r.blocks);
  assert.ok(t, 'a table was found');
  assert.deepEqual(texts(t), [
    ['项目', '自然人', '总计'],
    ['（一）予以公开', '12', '14'],
    ['（二）部分公开（区分处理的）', '3', '3'],
    ['（三）不予公开', '0', '1'],
  ]);
  assert.equal(t.reliableColumns, true);
});

test('paragraphs: wrapped lines joined without spaces, a number broken by the wrap rejoined, page break joined', () => {
  const line = (text: string, x0: number, y: number): Word => ({ text, x0, x1: x0 + [...text].length * 10, y0: y - 5, y1: y + 5 });
  const p1 = [line('一、总体情况', 100, 100), line('本年共收到申请2', 120, 120), line('1件，均已办结，另有结转', 100, 135)];
  const p2 = [line('事项三件。', 100, 100)];
  // make the wrapped lines reach the right edge so they are not taken as paragraph ends
  p1[1].x1 = 340;
  p1[2].x1 = 340;
  const r = layoutPages([page(1, p1), page(2, p2)]);
  const paras = r.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  assert.deepEqual(paras, ['一、总体情况', '本年共收到申请21件，均已办结，另有结转事项三件。']);
});

test('a number wrapped in a narrow cell is rejoined; an item running over a border is split there', () => {
  const xs = [100, 250, 290, 330];
  const segs = frame(xs, [100, 140]);
  const words: Word[] = [
    { text: '止公开 ０', x0: 200, x1: 265, y0: 110, y1: 120 }, // pdf.js merged the label's end with the next cell's value
    { text: '３６０', x0: 292, x1: 328, y0: 105, y1: 115 },
    { text: '７', x0: 306, x1: 314, y0: 120, y1: 130 },
  ];
  const [t] = tables(layoutPages([page(1, words, segs)]).blocks);
  assert.deepEqual(texts(t), [['止公开', '０', '３６０７']]);
});

test('a text run overflowing into the next cell is cut by character advance: half-width digits go right', () => {
  // 「只计处理88」 drawn as one run from x 100: four Han characters (10 pt each) end at 140, then the
  // digits (5 pt each) sit in the value cell that starts at 141. An even split would cut inside 「88」.
  const segs = frame([60, 141, 200], [100, 130]);
  const run: Word = { text: '只计处理88', x0: 100, x1: 150, y0: 110, y1: 120 };
  const { tables: found } = findRuledTables(segs, [w('标签', 80, 115), run]);
  const t = layoutPages([page(1, [w('标签', 80, 115), run], segs)]);
  assert.equal(found.length, 1);
  assert.deepEqual(texts(tables(t.blocks)[0]!), [['标签只计处理', '88']]);
});

test('a row split by the page break with only the tails of its wrapped numbers below is merged back, digits joined', () => {
  const xs = [100, 250, 350, 450];
  const r = layoutPages([
    page(1, [w('(一) 予以公开', 175, 715), w('129', 300, 715), w('166', 400, 715)], frame(xs, [700, 730])),
    page(2, [w('1', 300, 65), w('4', 400, 65), w('(二) 部分公开', 175, 95), w('215', 300, 95), w('261', 400, 95)], frame(xs, [50, 80, 110])),
  ]);
  const [t] = tables(r.blocks);
  assert.deepEqual(texts(t), [['(一) 予以公开', '1291', '1664'], ['(二) 部分公开', '215', '261']]);
  // a row of its own (a label) is not a tail, nor are numbers under a header
  const own = layoutPages([
    page(1, [w('(一) 予以公开', 175, 715), w('129', 300, 715), w('166', 400, 715)], frame(xs, [700, 730])),
    page(2, [w('(二) 部分公开', 175, 65), w('1', 300, 65), w('4', 400, 65)], frame(xs, [50, 80])),
  ]);
  assert.deepEqual(texts(tables(own.blocks)[0]!), [['(一) 予以公开', '129', '166'], ['(二) 部分公开', '1', '4']]);
  const unnumbered = layoutPages([
    page(1, [w('行政许可', 175, 715), w('10', 300, 715), w('879', 400, 715)], frame(xs, [700, 730])),
    page(2, [w('其他对外管理服务事项', 175, 65), w('0', 300, 65), w('363', 400, 65)], frame(xs, [50, 80])),
  ]);
  assert.deepEqual(texts(tables(unnumbered.blocks)[0]!), [['行政许可', '10', '879'], ['其他对外管理服务事项', '0', '363']]);
  // a group label going on at the left beside the tails, the row's own label cell empty: still one row
  const xs4 = [50, 100, 250, 350, 450];
  const grouped = layoutPages([
    page(1, [w('三', 75, 715), w('(一) 予以公开', 175, 715), w('129', 300, 715), w('166', 400, 715)], frame(xs4, [700, 730])),
    page(2, [w('办理结果', 75, 65), w('1', 300, 65), w('4', 400, 65)], frame(xs4, [50, 80])),
  ]);
  assert.deepEqual(texts(tables(grouped.blocks)[0]!), [['三办理结果', '(一) 予以公开', '1291', '1664']]);
  // the same with a border remnant read 1 in the row's own label cell
  const remnant = layoutPages([
    page(1, [w('三', 75, 715), w('(一) 予以公开', 175, 715), w('129', 300, 715), w('166', 400, 715)], frame(xs4, [700, 730])),
    page(2, [w('办理结果', 75, 65), w('1', 110, 65), w('1', 300, 65), w('4', 400, 65)], frame(xs4, [50, 80])),
  ]);
  assert.deepEqual(texts(tables(remnant.blocks)[0]!), [['三办理结果', '(一) 予以公开', '1291', '1664']]);
});
