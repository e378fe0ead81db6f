// OCR'd documents: a misread digit that its row and column sums both contradict is re-derived, marked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentModel } from '../../src/model/document.ts';
import { parseReport } from '../../src/parse/index.ts';
import { reportText } from './report-text.ts';

const S3 = {
  new: '3\t2\t0\t0\t0\t0\t5', 'result.granted': '2\t2\t0\t0\t0\t0\t4', 'result.partial': '1\t0\t0\t0\t0\t0\t1',
  'result.total': '3\t2\t0\t0\t0\t0\t5',
  'result.withheld.third_party': '0\t0\t1\t0\t0\t0\t0', // the research 0 misread as 1
};
const doc = (ocr: boolean): DocumentModel => ({
  format: ocr ? 'image' : 'txt', ocr,
  blocks: reportText({ s3: S3 }).split('\n').map((text) => ({ kind: 'paragraph' as const, text })),
});

test('OCR: a digit both its sums contradict is re-derived, marked and flagged; the checks then pass', () => {
  const r = parseReport(doc(true)).value;
  const code = 's3.result.withheld.third_party.research';
  assert.equal(r.values[code], 0);
  assert.equal(r.cells[code]!.source, 'derived');
  assert.equal(r.cells[code]!.raw, '1');
  assert.match(r.cells[code]!.rule!, /^ocr_repair:/);
  assert.ok(r.warnings.some((w) => w.code === 'parse.ocr_repaired' && w.cell === code));
  assert.ok(r.checks.every((c) => c.status !== 'fail'));
  assert.ok(r.flagged.includes(code)); // not what the page shows: flagged for a look
});

test('a printed source keeps the same numbers as printed, flagged', () => {
  const r = parseReport(doc(false)).value;
  const code = 's3.result.withheld.third_party.research';
  assert.equal(r.values[code], 1);
  assert.equal(r.cells[code]!.source, 'read');
  assert.ok(r.flagged.includes(code));
});
