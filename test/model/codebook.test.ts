import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_CODES, codesFor, FIELD_BY_CODE, FIELDS } from '../../src/model/codebook.ts';
import { REPORT_COLUMNS } from '../../src/export/columns.ts';
import { csvRecords } from '../export/read-csv.ts';

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

test('every code of every codebook file has a valid, unique Stata name, a unit and an English unit', () => {
  const dir = fileURLToPath(new URL('../../data/codebook/', import.meta.url));
  const reserved = new Set(['_all', '_b', 'byte', '_coef', '_cons', 'double', 'float', 'if', 'in', 'int', 'long', '_n', '_N', '_pi',
    '_pred', '_rc', '_skip', 'strL', 'using', 'with']);
  const seen = new Map<string, string>(REPORT_COLUMNS.map((c) => [c, 'reports.csv']));
  let files = 0;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const rows = csvRecords(readFileSync(join(dir, name), 'utf8'));
    if (!rows.length || !('stata_name' in rows[0]!)) continue;
    files++;
    for (const r of rows) {
      const s = r.stata_name!;
      assert.match(s, /^[A-Za-z][A-Za-z0-9_]{0,31}$/, `${name} ${r.code}: ${s}`);
      assert.ok(!reserved.has(s) && !/^str\d+$/.test(s), `${name} ${r.code}: ${s} is reserved in Stata`);
      assert.ok(!seen.has(s), `${s} (${name} ${r.code}) also names ${seen.get(s)}`);
      seen.set(s, `${name} ${r.code}`);
      assert.ok(r.unit && r.unit_en, `${name} ${r.code}: unit and unit_en`);
    }
  }
  assert.ok(files >= 1);
  for (const f of FIELDS) assert.ok(f.stataName && f.unit && f.unitEn, f.code);
  // Names are a contract: once published they never change.
  assert.equal(FIELD_BY_CODE.get('s3.result.withheld.state_secret.natural_person')!.stataName, 's3_res_wh_secret_nat');
  assert.equal(FIELD_BY_CODE.get('s4.litigation.after_review.total')!.stataName, 's4_lit_afrev_tot');
  assert.equal(FIELD_BY_CODE.get('s2.fees.amount')!.unitEn, 'ten thousand yuan');
  assert.equal(FIELD_BY_CODE.get('s2.procurement.amount')!.unitEn, 'yuan');
});

test('the p.* codebook (2008–2018 reports) follows the template codes, with English labels, units and Stata names', async () => {
  const { PRE2019_FIELDS, cumulativeTwin, yearlyTwin } = await import('../../src/model/codebook-pre2019.ts');
  const p = codesFor('p2008');
  assert.equal(p.length, PRE2019_FIELDS.length);
  assert.deepEqual(ALL_CODES.slice(-p.length), p, 'p.* codes come after the template codes');
  const names = new Set<string>();
  for (const f of PRE2019_FIELDS) {
    assert.match(f.code, /^p\.[a-z_.]+$/);
    assert.ok(f.labelZh && f.labelEn && f.unit && f.unitEn, f.code);
    assert.match(f.stataName, /^[A-Za-z][A-Za-z0-9_]{0,31}$/, f.code);
    assert.ok(!names.has(f.stataName), `duplicate ${f.stataName}`);
    names.add(f.stataName);
  }
  assert.equal(FIELD_BY_CODE.get('p.requests.received')!.unit, '件');
  assert.equal(FIELD_BY_CODE.get('p.fees.amount_wan')!.type, 'decimal');
  assert.equal(cumulativeTwin('p.proactive.total'), 'p.cum.proactive.total');
  assert.equal(cumulativeTwin('p.staff.total'), null, 'a head count has no 历年累计 twin');
  assert.equal(yearlyTwin('p.cum.review.count'), 'p.review.count');
  assert.equal(FIELD_BY_CODE.get('p.cum.proactive.total')!.columnLabel, '历年累计');
});
