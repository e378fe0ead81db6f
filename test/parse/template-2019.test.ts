// A 2019 试行 report: 22 section-二 cells with signed 本年增/减, procurement in 元, a single （六） row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { codesFor } from '../../src/model/codebook.ts';
import { parseBytes } from '../../src/pipeline/parse-file.ts';

const FILE = new URL('../fixtures/parse/t2019-signed-deltas.txt', import.meta.url).pathname;

test('2019 template: detected from its labels, signed deltas and money read right', async () => {
  const out = await parseBytes(readFileSync(FILE), { file: FILE });
  assert.equal(out.template, 't2019');
  assert.equal(out.year, 2019);
  assert.deepEqual(Object.keys(out.values!).sort(), codesFor('t2019').sort());
  assert.equal(out.values!['s2.licensing.items_delta'], -18);
  assert.equal(out.values!['s2.other_services.items_delta'], 2);
  assert.equal(out.values!['s2.coercion.items_delta'], -1);
  assert.equal(out.values!['s2.procurement.amount'], 2510000.5);
  assert.equal(out.values!['s3.result.other.total.total'], 0);
  assert.ok(out.checks!.some((c) => c.rule === 'X.4' && c.status === 'pass'));
  assert.deepEqual(out.flagged, []);
});
