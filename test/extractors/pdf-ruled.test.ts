// Rules against printed dashes: a 「——」 long enough to be found as a horizontal line is not a rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Segment } from '../../extractors/layout-types.ts';
import { levelStrokes } from '../../extractors/pdf-ruled.ts';

const h = (x0: number, x1: number, y: number): Segment => ({ x0, x1, y0: y, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, x1: x, y0, y1 });

test('dashes beside their cells\' left borders are level strokes; rules, broken rules and a narrow cell\'s rule are not', () => {
  const vs = [v(100, 100, 200), v(130, 100, 200), v(200, 100, 200), v(300, 100, 200)];
  const rules = [h(100, 300, 100), h(100, 180, 150), h(183, 300, 150), h(100, 300, 200)];
  const dashes = [h(131.5, 155, 125), h(201.5, 225, 125)];
  const brokenShort = [h(100, 128, 175), h(133, 300, 175)]; // one rule in two pieces, the first short
  const narrow = [h(100, 130, 190)]; // a rule across a narrow cell: both ends on verticals
  const found = levelStrokes([...rules, ...dashes, ...brokenShort, ...narrow], vs);
  assert.deepEqual([...found], dashes);
});
