import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../extractors/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import type { ReportRecord } from '../../src/model/report.ts';
import { applyCorrections } from '../../src/review/apply.ts';
import { recheck } from '../../src/review/recheck.ts';
import { correction, flaggedReportText } from './helpers.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

async function parse(bytes: Buffer | string, file: string): Promise<ReportRecord> {
  const doc = await extract(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { fileName: file });
  return parseReport(doc.value).value;
}

const REVIEW = ['s4.review.upheld', 's4.review.corrected', 's4.review.other', 's4.review.pending', 's4.review.total'];

test('recheck gives the parser\'s own checks for every seed and corpus report', async () => {
  let n = 0;
  for (const dir of ['seeds', 'corpus']) {
    for (const name of readdirSync(join(FIXTURES, dir)).filter((f) => /\.(txt|html)$/.test(f))) {
      let record: ReportRecord;
      try {
        record = await parse(readFileSync(join(FIXTURES, dir, name)), name);
      } catch {
        continue; // not a report / empty: nothing to check
      }
      const again = recheck(record);
      assert.deepEqual(again.checks, record.checks, name);
      for (const code of again.flagged) assert.ok(record.flagged.includes(code), `${name}: ${code} flagged by the checks`);
      n++;
    }
  }
  assert.ok(n >= 25, `${n} reports checked`);
});

test('a correction replaces the value, marks the cell corrected, re-runs the checks and lifts the flags', async () => {
  const parsed = await parse(flaggedReportText(), 'r.txt');
  assert.deepEqual([...parsed.flagged].sort(), [...REVIEW].sort());
  const { value, warnings } = applyCorrections(parsed, [correction({ code: 's4.review.total', value: 2, parsed: 0 })]);
  const r = value.record;
  assert.equal(r.values['s4.review.total'], 2);
  assert.equal(r.cells['s4.review.total']!.source, 'corrected');
  assert.equal(r.cells['s4.review.total']!.raw, '0', 'the text it was read from is kept');
  assert.equal(r.checks.find((c) => c.rule === 'R4.1' && c.column === 'review')!.status, 'pass');
  assert.deepEqual(r.flagged, []);
  assert.deepEqual(warnings.map((w) => w.code), ['review.applied']);
  assert.equal(parsed.values['s4.review.total'], 0, 'the parsed record is not modified');
  assert.equal(value.notReport, null);
});

test('confirm as printed: the value stays, the cell is confirmed and not flagged; the failed check stays', async () => {
  const parsed = await parse(flaggedReportText(), 'r.txt');
  const { value } = applyCorrections(parsed, [correction({ code: 's4.review.upheld', action: 'confirm', value: 2, parsed: 2 })]);
  assert.equal(value.record.values['s4.review.upheld'], 2);
  assert.equal(value.record.cells['s4.review.upheld']!.source, 'confirmed');
  assert.equal(value.record.checks.find((c) => c.rule === 'R4.1' && c.column === 'review')!.status, 'fail');
  assert.deepEqual([...value.record.flagged].sort(), REVIEW.filter((c) => c !== 's4.review.upheld').sort());
});

test('empty: the cell has no value; a cell the report lacks is not applied, with a warning', async () => {
  const parsed = await parse(flaggedReportText(), 'r.txt');
  const { value, warnings } = applyCorrections(parsed, [
    correction({ code: 's2.fees.amount', action: 'empty', parsed: 7730.28 }),
    correction({ code: 's2.procurement.amount', value: 5, parsed: null }),
  ]);
  assert.equal(value.record.values['s2.fees.amount'], null);
  assert.equal(value.record.cells['s2.fees.amount']!.source, 'corrected');
  assert.equal('s2.procurement.amount' in value.record.values, false, 'a 2019 cell is not added to a 2021 report');
  assert.deepEqual(warnings.map((w) => [w.code, w.cell]), [['review.cell_absent', 's2.procurement.amount'], ['review.applied', undefined]]);
});

test('a parser that now reads another value: a warning, and the reviewer\'s value stands', async () => {
  const parsed = await parse(flaggedReportText(), 'r.txt');
  const changed = applyCorrections(parsed, [correction({ code: 's4.review.total', value: 2, parsed: 9 })]);
  assert.equal(changed.value.record.values['s4.review.total'], 2);
  const w = changed.warnings.find((x) => x.code === 'review.parser_changed');
  assert.ok(w, 'parser_changed warning');
  assert.match(w.message, /now reads 0, not 9/);
  assert.equal(w.cell, 's4.review.total');
  const agrees = applyCorrections(parsed, [correction({ code: 's4.review.upheld', value: 2, parsed: 5 })]);
  assert.deepEqual(agrees.warnings.map((x) => [x.code, x.level]), [['review.parser_agrees', 'info'], ['review.applied', 'info']]);
});

test('report fields: body and year replaced, division and not-a-report handed to the caller', async () => {
  const parsed = await parse(flaggedReportText(), 'r.txt');
  assert.equal(parsed.body, '某某镇人民政府');
  const { value } = applyCorrections(parsed, [
    correction({ code: 'report.body', value: '某某乡人民政府', parsed: '某某镇人民政府' }),
    correction({ code: 'report.year', value: 2022, parsed: 2023 }),
    correction({ code: 'report.division_code', value: '410526' }),
    correction({ code: 'report.status', value: 'not_report', note: '一份通知' }),
  ]);
  assert.equal(value.record.body, '某某乡人民政府');
  assert.equal(value.record.year, 2022);
  assert.equal(value.divisionCode, '410526');
  assert.match(value.notReport!, /not an annual report \(tester, 2026-12-01\): 一份通知/);
});
