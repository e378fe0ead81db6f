import { test } from 'node:test';
import assert from 'node:assert/strict';
import { crossYearChecks, preChecks } from '../../src/validate/pre2019.ts';

const status = (checks: ReturnType<typeof preChecks>['checks'], rule: string, column: string) => checks.find((c) => c.rule === rule && c.column === column)?.status;

test('breakdowns: more than the total fails; less fails only in the 统计表, which prints every part', () => {
  const values = { 'p.requests.received': 10, 'p.requests.by_channel.in_person': 6, 'p.requests.by_channel.online': 6, 'p.responses.total': 10, 'p.responses.granted': 4, 'p.responses.partial': 1 };
  const narrative = preChecks({ values, fromTable: new Set() });
  assert.equal(status(narrative.checks, 'P.parts', 'p.requests.received'), 'fail');
  assert.ok(narrative.flagged.has('p.requests.by_channel.online'));
  assert.equal(status(narrative.checks, 'P.parts', 'p.responses.total'), 'not_assessable', 'a 其中 may name some kinds only');
  const table = preChecks({ values, fromTable: new Set(Object.keys(values)), statTable: true });
  assert.equal(status(table.checks, 'P.parts', 'p.responses.total'), 'fail');
});

test('历年累计 ≥ the year, channels ≤ the total, whole counts; and across years', () => {
  const { checks, flagged } = preChecks({ values: { 'p.proactive.total': 50, 'p.proactive.by_channel.website': 60, 'p.review.count': 2, 'p.cum.review.count': 1, 'p.staff.total': 1.5 }, fromTable: new Set() });
  assert.equal(status(checks, 'P.channel', 'p.proactive.by_channel.website'), 'fail');
  assert.equal(status(checks, 'P.cum', 'p.review.count'), 'fail');
  assert.ok(flagged.has('p.cum.review.count') && flagged.has('p.staff.total'));
  const across = crossYearChecks({ year: 2012, values: { 'p.cum.proactive.total': 500, 'p.cum.review.count': 2 } }, { year: 2013, values: { 'p.cum.proactive.total': 640, 'p.cum.review.count': 1, 'p.proactive.total': 140 } });
  assert.deepEqual(across.map((c) => [c.column, c.status]), [['p.cum.proactive.total', 'pass'], ['p.cum.review.count', 'fail']]);
});
