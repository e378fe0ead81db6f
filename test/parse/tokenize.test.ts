// The label stream and value tokens of rows: item numbering is label text, not a value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../src/parse/rows.ts';
import { buildStream } from '../../src/parse/tokenize.ts';

const row = (texts: string[], ocr: boolean): Row => ({
  cells: texts.map((text, i) => ({ text, index: i, gridCol: i, prov: {} })),
  reliableGrid: true, text: texts.join('\t'), ...(ocr ? { ocr: true } : {}),
});

test('an item number with its dot read as a colon by OCR (「2:没有现成信息」) is numbering; in a text table 2: stays a number', () => {
  const values = (ocr: boolean) => buildStream([row(['', '2:没有现成信息需要另行制作', '5', '0', '5'], ocr)]).tokens.map((t) => t.raw);
  assert.deepEqual(values(true), ['5', '0', '5']);
  assert.deepEqual(values(false), ['2', '5', '0', '5']);
  assert.deepEqual(buildStream([row(['', '2.没有现成信息需要另行制作', '5', '0', '5'], false)]).tokens.map((t) => t.raw), ['5', '0', '5']);
});

test('OCR: a dash cell read as two marks (「- —」) is one dash token, not two', () => {
  const kinds = (ocr: boolean) => buildStream([row(['', '1.本机关不掌握相关政府信息', '6', '- —', '6'], ocr)]).tokens.map((t) => t.kind);
  assert.deepEqual(kinds(true), ['number', 'dash', 'number']);
});

test('OCR: a note whose opening parenthesis was lost (「640 中修订 8 件)」) gives one value, not two', () => {
  const raws = (ocr: boolean) => buildStream([row(['行政许可', '640 中修订 8 件)'], ocr)]).tokens.map((t) => t.raw);
  assert.deepEqual(raws(true), ['640']);
  assert.deepEqual(raws(false), ['640', '8件'], 'printed text: as before');
});

test('OCR: a sum of money in spaced groups (full-width digits) with its unit is one number; 「0 4」 and a bare 「1 1」 are not', () => {
  const toks = (cell: string) => buildStream([row(['政府集中采购', '2', cell], true)]).tokens.slice(1).map((t) => [t.kind, t.value]);
  assert.deepEqual(toks('298 565元'), [['number', 298565]]);
  assert.deepEqual(toks('449844 05. 32元'), [['number', 44984405.32]]);
  assert.deepEqual(toks('1 1'), [['dash', null]], 'unreadable, as before');
  assert.equal(toks('0 45元').length, 2, 'a count never starts with 0: two numbers');
});
