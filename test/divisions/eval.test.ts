import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { evaluate, formatEval, parseLabelled } from '../../src/divisions/eval.ts';

const cases = parseLabelled(readFileSync(new URL('../fixtures/divisions/labelled.jsonl', import.meta.url), 'utf8'));

test('the labelled set is large and varied', () => {
  assert.ok(cases.length >= 100, `${cases.length} cases`);
  const tags = new Set(cases.map((c) => c.tag));
  for (const t of ['ocr', 'typo', 'shared', 'department', 'street', 'seed']) assert.ok(tags.has(t), t);
  assert.ok(cases.filter((c) => c.expect === null).length >= 20, 'enough cases where abstaining is right');
});

test('precision is at least 99% and recall stays high on the labelled set', () => {
  const r = evaluate(cases, defaultRegistry());
  assert.ok(r.precision >= 0.99, formatEval(r));
  assert.ok(r.recall >= 0.9, formatEval(r));
  assert.equal(r.kindRight, r.kindCases, formatEval(r));
});

test('evaluate counts a wrong answer and a missed one', () => {
  const r = evaluate(
    [
      { body: '牛屯镇', expect: '410526105' },
      { body: '牛屯镇', expect: '140981104' },
      { body: '闫庄镇', expect: '410325104' },
      { body: '闫庄镇', expect: null },
    ],
    defaultRegistry(),
  );
  assert.deepEqual([r.answered, r.right, r.wrong, r.missed], [2, 1, 1, 1]);
  assert.equal(r.precision, 0.5);
  assert.equal(r.recall, 1 / 3);
});
