import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParseOutput } from '../../src/model/report.ts';
import { generateCorpus } from '../../scripts/corpus/corpus.ts';
import { aggregate, formatFigures } from '../../scripts/corpus/eval-report.ts';
import { labelledFiles } from '../../scripts/corpus/eval-files.ts';
import { scoreDoc } from '../../scripts/corpus/eval-score.ts';
import type { Expected } from '../../scripts/corpus/types.ts';

const expected: Expected = {
  file: 'a.txt', body: '某镇', year: 2023, template: 't2021', damage: ['dash_zeros'],
  values: { x1: 5, x2: 0, x3: 7, x4: 0, x5: null, x6: 3 },
  unrecoverable: ['x4'], inferable: ['x2'],
  rule_breaks: [{ rule: 'R4.1', cells: ['x1', 'x3'] }],
};

function output(values: Record<string, number | null>, extra: Partial<ParseOutput> = {}): ParseOutput {
  return { file: 'a.txt', sha256: '', format: 'txt', template: 't2021', year: 2023, body: '某镇', values, flagged: [], ...extra };
}

test('cells are correct, missing, wrong or silent; expected nulls accept only null', () => {
  const s = scoreDoc(expected, output({ x1: 5, x2: null, x3: 8, x4: null, x5: null, x6: 4 }, { flagged: ['x6'] }));
  assert.deepEqual(s.cells, { total: 6, correct: 3, missing: 1, wrong: 2, silent: 1, extra: 0 });
  assert.equal(s.outcomes.find((o) => o.code === 'x3')!.silent, true);
  assert.equal(s.outcomes.find((o) => o.code === 'x6')!.silent, false);
  assert.equal(s.byClass.inferable.missing, 1);
  assert.equal(s.templateOk && s.yearOk && s.bodyOk, true);
});

test('an unrecoverable cell read as a number is wrong, unless it is the true value derived by a rule', () => {
  const read = scoreDoc(expected, output({ x4: 0, x5: 2 }, { cells: { x4: { raw: '-', source: 'read', kind: 'dash', provenance: {} } } }));
  assert.equal(read.outcomes.find((o) => o.code === 'x4')!.status, 'wrong');
  assert.equal(read.outcomes.find((o) => o.code === 'x5')!.status, 'wrong');
  const derived = scoreDoc(expected, output({ x4: 0 }, { cells: { x4: { raw: '', source: 'derived', rule: 'R3.1', kind: 'dash', provenance: {} } } }));
  assert.equal(derived.outcomes.find((o) => o.code === 'x4')!.status, 'correct');
});

test('rule breaks count as detected only when all their cells are flagged; extra numbers are counted', () => {
  assert.equal(scoreDoc(expected, output({}, { flagged: ['x1'] })).ruleBreaks.detected, 0);
  assert.equal(scoreDoc(expected, output({}, { flagged: ['x1', 'x3'] })).ruleBreaks.detected, 1);
  assert.equal(scoreDoc(expected, output({ 's2.fees.amount': 3, other: null })).cells.extra, 1);
});

test('expected errors: detected by any error code, exact by the same code', () => {
  const e: Expected = { file: 'n.html', body: null, year: null, template: 'unknown', values: {}, damage: [], error: 'parse.not_report' };
  const missed = scoreDoc(e, output({}, { template: 'free_form' }));
  assert.deepEqual(missed.error, { expected: 'parse.not_report', got: null, detected: false, exact: false });
  const hit = scoreDoc(e, output({}, { errorCode: 'parse.not_report', error: 'not a report' }));
  assert.equal(hit.error!.exact, true);
  assert.equal(hit.templateOk, null);
});

test('a parser that returns the expected values scores 100%; one that reads dashes as 0 does not', () => {
  const docs = generateCorpus({ n: 40, seed: 24 }); // a seed whose dashes include some no rule can restore
  const perfect = docs.map((d) => {
    const un = new Set(d.expected.unrecoverable ?? []);
    const values = Object.fromEntries(Object.entries(d.expected.values).map(([k, v]) => [k, un.has(k) ? null : v]));
    const flagged = (d.expected.rule_breaks ?? []).flatMap((r) => r.cells);
    return scoreDoc(d.expected, output(values, { template: d.expected.template, year: d.expected.year, body: d.expected.body, flagged, errorCode: d.expected.error }));
  });
  const f = aggregate(perfect);
  assert.equal(f.overall.accuracy, 1);
  assert.equal(f.ruleBreaks.detected, f.ruleBreaks.breaks);
  const careless = docs.filter((d) => d.expected.damage.includes('dash_zeros')).map((d) =>
    scoreDoc(d.expected, output(Object.fromEntries(Object.entries(d.expected.values).map(([k, v]) => [k, v ?? 0])), { template: d.expected.template })));
  assert.ok(careless.length > 0 && careless.some((s) => s.cells.wrong > 0));
  const text = formatFigures(aggregate([...perfect, ...careless]));
  assert.match(text, /damage=dash_zeros/);
  assert.match(text, /worst documents:/);
});

test('labelled files: any extension with an expected file next to it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-eval-test-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'a.pdf.expected.json'), JSON.stringify(expected));
    writeFileSync(join(dir, 'b.docx'), 'PK');
    assert.deepEqual(labelledFiles(dir).map((f) => f.name), ['a.pdf']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
