// Page words of re-read cells: a run of digits the page OCR glued across several cells goes with them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acrossReplaced, isValueCell } from '../../extractors/ocr-cells.ts';

const word = (text: string, x0: number, x1: number) => ({ text, x0, x1, y0: 759, y1: 775 });
const boxes: [number, number, number, number][] = [[56, 762, 87, 794], [87, 762, 117, 794], [117, 762, 147, 794], [147, 762, 177, 794], [177, 762, 206, 794]];

test('a run of digits glued across several re-read cells is dropped; one over a cell not read again, or in one cell, stays', () => {
  assert.equal(acrossReplaced(word('00113', 52, 206), boxes), true, 'over five re-read cells (a speck\'s width outside)');
  assert.equal(acrossReplaced(word('00113', 52, 236), boxes), false, 'partly over a cell not read again');
  assert.equal(acrossReplaced(word('113', 60, 85), boxes), false, 'inside one cell');
  assert.equal(acrossReplaced(word('维持', 60, 150), boxes), false, 'words, not digits');
});

test('value cells: a number, a dash, nothing, a dash with marks beside it (「一。」, the page OCR\'s reading of a 3 or a dash); not a label', () => {
  for (const t of ['', '12', '—', '一一', '一。', '—，', '3了']) assert.ok(isValueCell(t), t);
  for (const t of ['一、本年新收', '其他', '一是']) assert.equal(isValueCell(t), false, t);
});
