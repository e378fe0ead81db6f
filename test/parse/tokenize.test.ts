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
