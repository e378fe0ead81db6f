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

test('a zero balance speaks for a cell beside unknown ones: a row totalling 0 makes each of its cells 0', () => {
  // b is an empty OCR cell that no other rule forces (d, r2 and g unread); a read 1 in a row whose total reads
  // 0, and its column says 0.
  const v = table({ a: 1, b: null, r1: 0, c: 0, c1: 0, c2: 6, d: null, r2: null, g: null });
  assert.deepEqual(repairOcr(v, EQS, new Set(['a', 'c', 'r1', 'c1', 'c2']), new Set(['b'])), [{ code: 'a', value: 0, rule: 'ocr_repair:row+col' }]);
});

// Three rows: two misreads in one column blame each other there, each its own row settles.
const EQS3 = [
  sum('row1', 'r1', ['a', 'b']), sum('row2', 'r2', ['c', 'd']), sum('row3', 'r3', ['e', 'f']),
  sum('col1', 'c1', ['a', 'c', 'e']), sum('col2', 'c2', ['b', 'd', 'f']), sum('grand', 'g', ['r1', 'r2', 'r3']),
];
const table3 = (over: Record<string, number | null> = {}) =>
  new Map<string, number | null>(Object.entries({ a: 0, b: 2, c: 0, d: 3, e: 5, f: 1, r1: 2, r2: 3, r3: 6, c1: 5, c2: 6, g: 11, ...over }));

test('two misreads in one column (0 read as 1 twice) are repaired together when only that pair settles every check', () => {
  const v = table3({ a: 1, c: 1 });
  const out = repairOcr(v, EQS3, all(v));
  assert.deepEqual(out.map((d) => [d.code, d.value]).sort(), [['a', 0], ['c', 0]]);
  assert.ok(out.every((d) => d.rule.startsWith('ocr_repair:')));
});

test('a pair is not repaired when another pair would settle the checks as well', () => {
  // a and d both off by one: the pairs (a, d) and (b, c) settle the same four checks.
  const v = table({ a: 2, d: 5 });
  assert.deepEqual(repairOcr(v, EQS, all(v)), []);
});
