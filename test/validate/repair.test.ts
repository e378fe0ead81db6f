import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repairOcr } from '../../src/validate/repair.ts';
import type { Equation } from '../../src/validate/rules.ts';

// A 2 × 2 table with row totals (r1, r2), column totals (c1, c2) and a grand total g.
const sum = (rule: string, lhs: string, rhs: string[]): Equation => ({ rule, column: lhs, lhs: [lhs], rhs, severity: 'error' });
const EQS = [
  sum('row', 'r1', ['a', 'b']), sum('row', 'r2', ['c', 'd']),
  sum('col', 'c1', ['a', 'c']), sum('col', 'c2', ['b', 'd']), sum('col', 'g', ['r1', 'r2']),
];
const table = (over: Record<string, number | null> = {}) =>
  new Map<string, number | null>(Object.entries({ a: 1, b: 2, c: 0, d: 4, r1: 3, r2: 4, c1: 1, c2: 6, g: 7, ...over }));
const all = (v: Map<string, number | null>) => new Set([...v.keys()]);

test('a misread cell that its row and its column both contradict is re-derived from them', () => {
  const v = table({ c: 1 }); // 0 read as 1
  assert.deepEqual(repairOcr(v, EQS, all(v)), [{ code: 'c', value: 0, rule: 'ocr_repair:row+col' }]);
  assert.equal(v.get('c'), 0);
});

test('a cell only one check contradicts is left alone', () => {
  const v = table({ g: 8 }); // g is in one equation only
  assert.deepEqual(repairOcr(v, EQS, all(v)), []);
  assert.equal(v.get('g'), 8);
});

test('two misreads that explain each other ambiguously are both left alone', () => {
  // a and d both off by one: row 1 and column 1 blame a, row 2 and column 2 blame d — each alone fits,
  // but b (row 1 + column 2) and c (row 2 + column 1) would fit as well: nothing is repaired.
  const v = table({ a: 2, d: 5 });
  assert.deepEqual(repairOcr(v, EQS, all(v)), []);
});

test('only readable cells are repaired; the others keep their values', () => {
  const v = table({ c: 1 });
  assert.deepEqual(repairOcr(v, EQS, new Set(['a', 'b'])), []);
  assert.equal(v.get('c'), 1);
});

test('a reading that makes one of its checks hold is not repaired (the source may break the other rule)', () => {
  // d and r2 read 5 and 5: row 2 holds as read (0 + 5 = 5) while column 2 and the grand total fail.
  // A doubtful d lets the other rules force d = 4 and r2 = 4, but the printed row adds up: nothing changes.
  const v = table({ d: 5, r2: 5 });
  assert.deepEqual(repairOcr(v, EQS, all(v), new Set(['d'])), []);
  assert.equal(v.get('d'), 5);
  assert.equal(v.get('r2'), 5);
});
