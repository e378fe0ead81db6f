import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../extractors/index.ts';
import { parseHocr } from '../../extractors/ocr-words.ts';
import type { Block, TableGrid } from '../../src/model/document.ts';
import { fixture } from './helpers.ts';

const tables = (blocks: Block[]): TableGrid[] => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const texts = (t: TableGrid) => t.rows.map((r) => r.map((c) => c.text));
const shape = (t: TableGrid) => t.rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0));

test('scanned PDF: OCR rebuilds the ruled grids; cells carry confidences', async () => {
  const r = await extract(fixture('formats/report-scan.pdf'));
  assert.equal(r.value.ocr, true);
  const ts = tables(r.value.blocks);
  assert.equal(ts.length, 3);
  // Structure comes from the ruling lines, so it is exact even where characters are misread.
  assert.deepEqual(ts[0].rows.map((row) => row.length), [1, 4, 4, 4, 1, 2, 2]);
  assert.deepEqual(ts[1].rows.map((row) => row.length), [2, 3, 5, 8, 8, 9, 9, 8, 8, 8]);
  assert.deepEqual(shape(ts[2]).slice(-1), [15]);
  assert.equal(texts(ts[0])[6][1].replace(/[^\d]/g, ''), '4506');
  assert.equal(texts(ts[1])[3][7], '21');
  assert.ok(ts.every((t) => t.rows.flat().every((c) => c.text === '' || typeof c.confidence === 'number')));
  // Lone digits the page OCR dropped are read again from the value cells.
  assert.ok(r.warnings.some((w) => w.code === 'ocr.cells_reread'));
  assert.deepEqual(texts(ts[1])[4], ['二、上年结转政府信息公开申请数量', '3', '0', '0', '0', '0', '0', '3']);
});

test('PNG image: OCR with ruling lines from the decoded raster', async () => {
  const r = await extract(fixture('formats/report-table.png'));
  assert.equal(r.value.format, 'image');
  const [s2] = tables(r.value.blocks);
  assert.deepEqual(texts(s2)[2], ['规章', '0', '0', '3']);
  assert.deepEqual(texts(s2)[3], ['行政规范性文件', '7', '2', '45']);
});

test('hOCR: characters keep their own boxes; border bars are dropped', () => {
  const hocr = `<span class='ocrx_word' id='w1' title='bbox 10 5 90 30; x_wconf 88'>
     <span class='ocrx_cinfo' title='x_bboxes 10 5 30 30; x_conf 90'>规</span>
     <span class='ocrx_cinfo' title='x_bboxes 30 5 50 30; x_conf 91'>章</span>
    </span>
    <span class='ocrx_word' id='w2' title='bbox 95 5 99 30; x_wconf 40'>
     <span class='ocrx_cinfo' title='x_bboxes 95 5 99 30; x_conf 40'>|</span>
    </span>
    <span class='ocrx_word' id='w3' title='bbox 120 5 150 30; x_wconf 75'>
     <span class='ocrx_cinfo' title='x_bboxes 130 5 140 30; x_conf 80'>7</span>
     <span class='ocrx_cinfo' title='x_bboxes 140 5 150 30; x_conf 80'>&amp;</span>
    </span>
   </span>`;
  const words = parseHocr(hocr);
  assert.deepEqual(words.map((w) => w.text), ['规章', '7&']);
  assert.equal(words[1].x0, 130, 'the word box starts at its first character, not at stray ink');
  assert.equal(words[0].confidence, 88);
});
