import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDocument, makeRecord, tempStore } from './fixture-db.ts';
import { allCorrections, correctionsFor, deleteCorrection, getCorrection, mergeCorrections, saveCorrection } from '../../src/store/corrections.ts';
import { saveReport } from '../../src/store/reports.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { correction } from '../review/helpers.ts';

test('corrections: saved per (sha256, code), numbers stay numbers and names text, replaced and deleted', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = 'b'.repeat(64);
  saveCorrection(store.db, correction({ sha256: sha, code: 's3.new.total', value: 12, parsed: 21, note: '见第3页' }));
  saveCorrection(store.db, correction({ sha256: sha, code: 'report.division_code', value: '410526' }));
  saveCorrection(store.db, correction({ sha256: sha, code: 's2.fees.amount', value: 7730.28, parsed: 773028 }));
  const got = correctionsFor(store.db, sha);
  assert.deepEqual(got.map((c) => [c.code, c.value, c.parsed]), [
    ['report.division_code', '410526', null], ['s2.fees.amount', 7730.28, 773028], ['s3.new.total', 12, 21],
  ]);
  saveCorrection(store.db, correction({ sha256: sha, code: 's3.new.total', action: 'confirm', value: 21, parsed: 21 }));
  assert.equal(getCorrection(store.db, sha, 's3.new.total')!.action, 'confirm');
  assert.equal(correctionsFor(store.db, sha).length, 3);
  assert.equal(deleteCorrection(store.db, sha, 's3.new.total'), true);
  assert.equal(deleteCorrection(store.db, sha, 's3.new.total'), false);
  assert.throws(() => saveCorrection(store.db, correction({ sha256: sha, code: 'x', action: 'guess' as 'set' })), /CHECK/);
});

test('merge: a newer row replaces, an older or identical one is kept; importing twice changes nothing', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const a = 'c'.repeat(64);
  saveCorrection(store.db, correction({ sha256: a, code: 's3.new.total', value: 1, correctedAt: '2026-12-02T00:00:00.000Z' }));
  const rows = [
    correction({ sha256: a, code: 's3.new.total', value: 5, correctedAt: '2026-12-01T00:00:00.000Z' }),
    correction({ sha256: a, code: 's4.review.total', value: 2, correctedAt: '2026-12-03T00:00:00.000Z' }),
    correction({ sha256: 'd'.repeat(64), code: 'report.year', value: 2022, correctedAt: '2026-12-03T00:00:00.000Z' }),
  ];
  assert.deepEqual(mergeCorrections(store.db, rows), { added: 2, replaced: 0, kept: 1, changedShas: [a, 'd'.repeat(64)] });
  assert.equal(getCorrection(store.db, a, 's3.new.total')!.value, 1, 'the newer local value stays');
  const newer = correction({ sha256: a, code: 's3.new.total', value: 7, correctedAt: '2026-12-04T00:00:00.000Z' });
  assert.deepEqual(mergeCorrections(store.db, [newer]), { added: 0, replaced: 1, kept: 0, changedShas: [a] });
  assert.deepEqual(mergeCorrections(store.db, [newer, ...rows]), { added: 0, replaced: 0, kept: 4, changedShas: [] });
  assert.equal(allCorrections(store.db).length, 3);
});

test('cells: source may be corrected or confirmed (migration 221), nothing else', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, 'x');
  const record = makeRecord();
  record.cells['s3.new.total'] = { ...record.cells['s3.new.total']!, source: 'corrected' };
  record.cells['s3.carried_in.total'] = { ...record.cells['s3.carried_in.total']!, source: 'confirmed' };
  const input = { sha256: sha, source: firstDocument(store.db, sha), extractorVersion: 'e', parserVersion: 'p', status: 'ok' as const, record, now: '2026-12-01T00:00:00.000Z' };
  const { id } = saveReport(store.db, input);
  const rows = store.db.prepare('SELECT code, source FROM cells_long WHERE report_id = ? ORDER BY code').all(id);
  assert.deepEqual(rows.map((r) => Object.values(r as object)), [['s3.carried_in.total', 'confirmed'], ['s3.carried_out.total', null], ['s3.new.total', 'corrected']]);
  const counts = store.db.prepare('SELECT values_read, values_derived, values_null FROM reports WHERE id = ?').get(id);
  assert.deepEqual(counts, { values_read: 1, values_derived: 0, values_null: 1 }, 'a corrected value is not counted as read');
  record.cells['s3.new.total'] = { ...record.cells['s3.new.total']!, source: 'guessed' as 'read' };
  assert.throws(() => saveReport(store.db, input), /CHECK/);
});
