import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate } from '../../src/validate/check.ts';
import { deriveForced } from '../../src/validate/solve.ts';
import type { Equation } from '../../src/validate/rules.ts';

const eq: Equation = { rule: 'R', column: 'c', lhs: ['t'], rhs: ['a', 'b', 'c'], severity: 'error' };

test('one unknown in an equation is forced; a zero total forces every part to zero', () => {
  const v = new Map<string, number | null>([['t', 5], ['a', 2], ['b', null], ['c', 3]]);
  assert.deepEqual(deriveForced(v, [eq]), [{ code: 'b', value: 0, rule: 'R' }]);
  const z = new Map<string, number | null>([['t', 0], ['a', null], ['b', null], ['c', 0]]);
  assert.deepEqual(deriveForced(z, [eq]).map((d) => d.code), ['a', 'b']);
});

test('nothing is guessed: two unknowns with a positive remainder stay unknown; negative results are refused', () => {
  const v = new Map<string, number | null>([['t', 5], ['a', 2], ['b', null], ['c', null]]);
  assert.deepEqual(deriveForced(v, [eq]), []);
  const neg = new Map<string, number | null>([['t', 1], ['a', 2], ['b', null], ['c', 0]]);
  assert.deepEqual(deriveForced(neg, [eq]), []);
});

test('evaluate: pass, fail (cells flagged) and not assessable', () => {
  const { checks, flagged } = evaluate({ t: 5, a: 1, b: 1, c: 1 }, [eq]);
  assert.equal(checks[0]!.status, 'fail');
  assert.deepEqual([...flagged].sort(), ['a', 'b', 'c', 't']);
  assert.equal(evaluate({ t: 3, a: 1, b: 1, c: 1 }, [eq]).checks[0]!.status, 'pass');
  assert.equal(evaluate({ t: 3, a: 1, b: null, c: 1 }, [eq]).checks[0]!.status, 'not_assessable');
});

test('bounds: a total held between the sum of its known parts and what another rule leaves is forced', () => {
  // R3.1-like: n = T + C (n = 2); R3.2-like: T = g + x + y (g = 2) → T ≥ 2 and T ≤ 2 → T = 2, C = 0, x = y = 0
  const r1: Equation = { rule: 'R1', column: 'c', lhs: ['n'], rhs: ['T', 'C'], severity: 'error' };
  const r2: Equation = { rule: 'R2', column: 'c', lhs: ['T'], rhs: ['g', 'x', 'y'], severity: 'error' };
  const v = new Map<string, number | null>([['n', 2], ['T', null], ['C', null], ['g', 2], ['x', null], ['y', null]]);
  const d = deriveForced(v, [r1, r2]);
  assert.deepEqual(Object.fromEntries(d.map((x) => [x.code, x.value])), { T: 2, C: 0, x: 0, y: 0 });
  assert.equal(d.find((x) => x.code === 'T')!.rule, 'bounds:R1+R2');
  // one more unit of room and nothing is forced
  const loose = new Map<string, number | null>([['n', 3], ['T', null], ['C', null], ['g', 2], ['x', null], ['y', null]]);
  assert.deepEqual(deriveForced(loose, [r1, r2]), []);
  // crossing bounds (a broken rule: parts already above what is left) force nothing
  const broken = new Map<string, number | null>([['n', 1], ['T', null], ['C', null], ['g', 2], ['x', null], ['y', null]]);
  assert.deepEqual(deriveForced(broken, [r1, r2]), []);
});
