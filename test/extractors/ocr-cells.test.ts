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

test('a number the page OCR put in a cell with no ink, where no re-read finds a digit, is a neighbour\'s: the cell is empty', async () => {
  const { strayNumber } = await import('../../extractors/ocr-cells.ts');
  const none = [{ text: '' }, { text: '' }, { text: '.' }, { text: '' }];
  assert.equal(strayNumber('1', none, () => 0)?.text, '');
  assert.equal(strayNumber('1', none, () => 40), undefined, 'ink there: the page reading stands');
  assert.equal(strayNumber('1', [...none, { text: '1' }], () => 0), undefined, 'a re-read found a digit');
  assert.equal(strayNumber('—', none, () => 0), undefined, 'not a number');
});

test('cellInk: specks are no ink, a digit is; the cut edge is left out', async () => {
  const { cellInk } = await import('../../extractors/ocr-slash.ts');
  const w = 100, h = 60;
  const g = { width: w, height: h, data: new Uint8Array(w * h).fill(255) };
  for (let x = 0; x < w; x++) g.data[x] = 0; // the top rule, inside the edge cut away
  g.data[30 * w + 50] = 0; g.data[30 * w + 51] = 0; // a speck
  assert.equal(cellInk(g, [0, 0, w, h], 6), 0);
  for (let y = 20; y < 45; y++) { g.data[y * w + 10] = 0; g.data[y * w + 11] = 0; } // a 1 against the left edge
  assert.ok(cellInk(g, [0, 0, w, h], 6) >= 50);
});

test('a page word running over a rule into a re-read cell loses the characters inside that cell, keeps the rest', async () => {
  const { withoutReplacedChars } = await import('../../extractors/ocr-cells.ts');
  const word = { text: '111', x0: 90, x1: 120, y0: 10, y1: 20, chars: [{ text: '1', x0: 90, x1: 98 }, { text: '1', x0: 102, x1: 110 }, { text: '1', x0: 112, x1: 120 }] };
  const cell: [number, number, number, number] = [100, 0, 150, 30];
  const kept = withoutReplacedChars(word, [cell]);
  assert.equal(kept?.text, '1');
  assert.equal(kept?.x1, 98);
  assert.equal(withoutReplacedChars({ ...word, x0: 101, chars: word.chars.slice(1) }, [cell]), null, 'wholly inside: gone');
  assert.equal(withoutReplacedChars(word, [[0, 40, 150, 60]]), word, 'another row\'s cell: untouched');
  const { chars: _, ...bare } = word;
  assert.equal(withoutReplacedChars(bare, [cell]), bare, 'no character boxes: whole');
});

test('a number with its unit (「58544490. 30元」) is neither a value cut nor a label to read again: the page reading stands', async () => {
  const { numberWithUnit } = await import('../../extractors/ocr-cells.ts');
  for (const t of ['58544490. 30元', '81280427 元', '16件', '0个']) assert.ok(numberWithUnit(t), t);
  for (const t of ['元', '4（其中新增2件）', '行政许可', '12']) assert.equal(numberWithUnit(t), false, t);
  assert.equal(isValueCell('58544490. 30元'), false);
});
