// Checks across years (X.1, X.2): a body's neighbouring reports compared, used as evidence for glued digits,
// flagged when they fail, and checked again over a reviewer's correction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../extractors/index.ts';
import { parseReport } from '../../src/parse/index.ts';
import { applyCorrections } from '../../src/review/apply.ts';
import type { YearNeighbour } from '../../src/validate/cross-year.ts';
import { reportText } from '../parse/report-text.ts';

const ROW = (v: number) => `${v}\t0\t0\t0\t0\t0\t${v}`;

async function parse(text: string, neighbours?: { prev?: YearNeighbour; next?: YearNeighbour }) {
  const doc = (await extract(Buffer.from(text), { fileName: 'r.txt' })).value;
  return parseReport(doc, neighbours ? { neighbours } : {}).value;
}

/** A 2023 report: 3 new, 2 carried in, 4 granted, 1 carried out; section 二 rules row as given. */
function report2023(rules = '规章\t0\t1\t50', carriedIn = 2): string {
  const s2 = ['第二十条第（一）项', '信息内容\t本年制发件数\t本年废止件数\t现行有效件数', rules, '行政规范性文件\t2\t1\t5',
    '第二十条第（五）项', '信息内容\t本年处理决定数量', '行政许可\t33', '第二十条第（六）项', '信息内容\t本年处理决定数量',
    '行政处罚\t1', '行政强制\t0', '第二十条第（八）项', '信息内容\t本年收费金额（单位：万元）', '行政事业性收费\t0'].join('\n');
  return reportText({ s2, s3: { new: ROW(5 - carriedIn), carried_in: ROW(carriedIn), 'result.granted': ROW(4), 'result.total': ROW(4), carried_out: ROW(1) } });
}

const prev = (carriedOut: number, rulesInForce: number | null, flagged: string[] = []): YearNeighbour => ({
  year: 2022, template: 't2021', flagged,
  values: { 's3.carried_out.natural_person': carriedOut, 's3.carried_out.total': carriedOut, 's3.carried_out.commercial': 0,
    's3.carried_out.research': 0, 's3.carried_out.social_org': 0, 's3.carried_out.legal_service': 0, 's3.carried_out.other_org': 0,
    's2.rules.in_force': rulesInForce, 's2.normative.in_force': 4 },
});

test('X.1 and X.2 pass against the year before: checks stored, nothing flagged', async () => {
  const r = await parse(report2023(), { prev: prev(2, 51) });
  const x1 = r.checks.filter((c) => c.rule === 'X.1');
  assert.equal(x1.length, 7);
  assert.ok(x1.every((c) => c.status === 'pass'));
  const total = x1.find((c) => c.column === 'total@2022')!;
  assert.deepEqual([total.expected, total.actual, total.cells], [2, 2, ['s3.carried_in.total']]);
  const x2 = r.checks.filter((c) => c.rule === 'X.2');
  assert.deepEqual(x2.map((c) => [c.column, c.status]), [['rules@2022', 'pass'], ['normative@2022', 'pass']]);
  assert.deepEqual(r.flagged, []);
});

test('a failed X.1 flags this year\'s cells (flagged across years only); a flagged neighbour is no evidence', async () => {
  const r = await parse(report2023('规章\t0\t1\t50', 3), { prev: prev(2, 51) });
  const failed = r.checks.filter((c) => c.status === 'fail').map((c) => `${c.rule} ${c.column}`);
  assert.deepEqual(failed, ['X.1 natural_person@2022', 'X.1 total@2022']);
  assert.deepEqual(r.flagged, ['s3.carried_in.natural_person', 's3.carried_in.total']);
  assert.deepEqual(r.flaggedCross, r.flagged);
  const untrusted = await parse(report2023('规章\t0\t1\t50', 3), { prev: prev(2, 51, ['s3.carried_out.total', 's3.carried_out.natural_person']) });
  assert.equal(untrusted.checks.filter((c) => c.rule === 'X.1').length, 5);
  assert.deepEqual(untrusted.flagged, []);
});

test('glued section 二 digits that the row alone cannot split are split by X.2, and only by it', async () => {
  const glued = report2023('规章\t0150');
  const alone = await parse(glued);
  assert.equal(alone.values['s2.rules.in_force'], null);
  assert.ok(alone.warnings.some((w) => w.code === 'parse.digits_ambiguous' && /fit 2 splits/.test(w.message)));
  const withPrev = await parse(glued, { prev: prev(2, 51) });
  assert.deepEqual([withPrev.values['s2.rules.issued'], withPrev.values['s2.rules.repealed'], withPrev.values['s2.rules.in_force']], [0, 1, 50]);
  assert.ok(withPrev.warnings.some((w) => w.code === 'parse.digits_split' && /X\.2/.test(w.message)));
  // The other split (0, 15, 0) is the one the year before fits: 0 + 15 = 15
  const other = await parse(glued, { prev: prev(2, 15) });
  assert.equal(other.values['s2.rules.repealed'], 15);
  // A year before that fits neither split is no evidence: left empty
  const neither = await parse(glued, { prev: prev(2, 99) });
  assert.equal(neither.values['s2.rules.in_force'], null);
});

test('a reviewer\'s correction re-runs the checks across years: the corrected cell passes and is not flagged', async () => {
  const r = await parse(report2023('规章\t0\t1\t50', 3), { prev: prev(2, 51) });
  const fixed = applyCorrections(r, [
    { sha256: 'x', code: 's3.carried_in.natural_person', action: 'set', value: 2, parsed: 3, note: null, reviewer: 't', correctedAt: '2026-12-05' },
  ]).value.record;
  const x1 = fixed.checks.filter((c) => c.rule === 'X.1' && c.column === 'natural_person@2022')[0]!;
  assert.equal(x1.status, 'pass');
  assert.ok(!fixed.flagged.includes('s3.carried_in.natural_person'));
  assert.ok(fixed.flagged.includes('s3.carried_in.total'));
});
