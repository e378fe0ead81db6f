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
