import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_CODES, codesFor, FIELD_BY_CODE } from '../../src/model/codebook.ts';

test('the codebook has every template cell with its code, labels, unit, type and English label', () => {
  assert.equal(codesFor('t2021').length, 200); // 10 + 25×7 + 15
  assert.equal(codesFor('t2019').length, 22 + 23 * 7 + 15);
  assert.equal(codesFor('hybrid').length, 10 + 23 * 7 + 15);
  assert.equal(new Set(ALL_CODES).size, ALL_CODES.length);
  const f = FIELD_BY_CODE.get('s3.result.withheld.state_secret.natural_person')!;
  assert.equal(f.rowLabel, '1.属于国家秘密');
  assert.equal(f.columnLabel, '自然人');
  assert.equal(f.unit, '件');
  assert.match(f.english, /state secret/);
  assert.equal(FIELD_BY_CODE.get('s2.fees.amount')!.type, 'decimal');
  assert.equal(FIELD_BY_CODE.get('s2.licensing.items_delta')!.type, 'signed');
  assert.ok(!codesFor('hybrid').includes('s3.result.other.misc.total'));
  assert.ok(codesFor('hybrid').includes('s3.result.other.total.total'));
  assert.ok(!codesFor('t2021').includes('s3.result.other.total.total'));
});
