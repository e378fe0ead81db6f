import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDocument, makeRecord, tempStore } from './fixture-db.ts';
import { saveReport, pendingParses, type ReportInput } from '../../src/store/reports.ts';
import { MAX_ATTEMPTS, saveExtraction, pendingExtractions } from '../../src/store/extractions.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { ensureWideView, WIDE_VIEW } from '../../src/store/wide-view.ts';
import { migrate } from '../../src/store/db.ts';

function input(store: ReturnType<typeof tempStore>, sha: string, over: Partial<ReportInput> = {}): ReportInput {
  return {
    sha256: sha, source: firstDocument(store.db, sha), extractorVersion: 'e1', parserVersion: 'p1',
    status: 'ok', record: makeRecord(), runId: 'r1', now: '2999-01-01T00:00:00.000Z', ...over,
  };
}

function snapshot(store: ReturnType<typeof tempStore>): unknown {
  const q = (sql: string): unknown[] => store.db.prepare(sql).all();
  return [q('SELECT * FROM reports'), q('SELECT * FROM cells'), q('SELECT * FROM checks'), q('SELECT * FROM report_warnings')];
}

test('saving the same report twice changes nothing and keeps its id', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, 'report text', { url: 'http://127.0.0.1/a.txt' });
  const first = saveReport(store.db, input(store, sha));
  assert.deepEqual(first, { id: first.id, created: true, changed: false });
  const before = snapshot(store);
  const second = saveReport(store.db, input(store, sha));
  assert.deepEqual(second, { id: first.id, created: false, changed: false });
  assert.deepEqual(snapshot(store), before);
  assert.deepEqual(migrate(store.db), [], 'migrations are applied once');
});

test('a re-parse with different values replaces the cells and is reported as changed', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, 'report text');
  const { id } = saveReport(store.db, input(store, sha));
  const rec = makeRecord({ values: { 's3.new.total': 13 }, cells: {}, checks: [], warnings: [] });
  const again = saveReport(store.db, input(store, sha, { parserVersion: 'p2', record: rec }));
  assert.deepEqual(again, { id, created: false, changed: true });
  assert.deepEqual(store.db.prepare('SELECT code, value FROM cells').all(), [{ code: 's3.new.total', value: 13 }]);
  assert.equal(store.db.prepare('SELECT COUNT(*) FROM checks').pluck().get(), 0);
  assert.equal(store.db.prepare('SELECT parser_version FROM reports').pluck().get(), 'p2');
});

test('report rows keep source, counts, flags and Chinese text', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const sha = addDocument(store, 'x', { url: 'http://127.0.0.1/报告.txt', siteId: 'site-a', publishedAt: '2024-01-15' });
  const rec = makeRecord({ flagged: ['s3.new.total'], checks: [{ rule: 'R3.1', status: 'fail', expected: 1, actual: 2, cells: [] }] });
  const { id } = saveReport(store.db, input(store, sha, { status: 'flagged', record: rec }));
  const row = store.db.prepare('SELECT * FROM reports WHERE id = ?').get(id) as Record<string, unknown>;
  assert.equal(row.body, '某某镇人民政府');
  assert.equal(row.source_url, 'http://127.0.0.1/报告.txt');
  assert.equal(row.site_id, 'site-a');
  assert.equal(row.published_at, '2024-01-15');
  assert.equal(row.failed_checks, 1);
  assert.equal(row.flagged_cells, 1);
  assert.deepEqual([row.values_read, row.values_derived, row.values_null], [1, 1, 1]);
  const cell = store.db.prepare("SELECT * FROM cells WHERE code = 's3.new.total'").get() as Record<string, unknown>;
  assert.equal(cell.flagged, 1);
  assert.deepEqual(JSON.parse(cell.provenance_json as string), { table: 1, row: 2, col: 8 });
});

test('pending work is keyed by sha256 and stage version', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const a = addDocument(store, 'A', { url: 'http://127.0.0.1/a' });
  addDocument(store, 'A', { url: 'http://127.0.0.1/a-copy' });
  const b = addDocument(store, 'B');
  assert.deepEqual(pendingExtractions(store.db, 'e1').map((p) => p.sha256), [a, b], 'one entry per content');
  const now = new Date().toISOString();
  saveExtraction(store.db, { sha256: a, extractorVersion: 'e1', status: 'ok', extractedAt: now });
  saveExtraction(store.db, { sha256: b, extractorVersion: 'e1', status: 'failed', errorCode: 'x', extractedAt: now });
  assert.deepEqual(pendingExtractions(store.db, 'e1'), []);
  assert.deepEqual(pendingExtractions(store.db, 'e1', { retryFailed: true }).map((p) => p.sha256), [b]);
  assert.equal(pendingExtractions(store.db, 'e2').length, 2, 'a new extractor version makes all pending');
  const timeout = { sha256: b, extractorVersion: 'e1', status: 'failed' as const, errorCode: 'extract.timeout', retryable: true, extractedAt: now };
  assert.equal(MAX_ATTEMPTS, 3);
  saveExtraction(store.db, timeout);
  assert.deepEqual(pendingExtractions(store.db, 'e1').map((p) => p.sha256), [b], 'a transient failure is tried again');
  saveExtraction(store.db, timeout);
  assert.deepEqual(pendingExtractions(store.db, 'e1'), [], 'but not after 3 attempts');
  saveExtraction(store.db, { sha256: b, extractorVersion: 'e1', status: 'failed', errorCode: 'x', extractedAt: now });
  const v = { extractor: 'e1', parser: 'p1' };
  assert.equal(pendingParses(store.db, v).length, 2);
  saveReport(store.db, input(store, a));
  assert.deepEqual(pendingParses(store.db, v), [b]);
  assert.equal(pendingParses(store.db, { ...v, parser: 'p2' }).length, 2, 'a new parser version makes all pending');
  assert.equal(pendingParses(store.db, { ...v, resolver: 'r2' }).length, 2, 'so does a new division resolver');
  assert.equal(pendingParses(store.db, v, { all: true }).length, 2);
});

test('latest_reports picks one report per body and year; reports_wide has report_id and one column per code', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const old = addDocument(store, 'old', { publishedAt: '2024-01-10' });
  const fix = addDocument(store, 'corrected', { publishedAt: '2024-02-01' });
  const other = addDocument(store, 'other', { publishedAt: '2024-01-01' });
  saveReport(store.db, input(store, old));
  const { id: fixId } = saveReport(store.db, input(store, fix));
  const { id: otherId } = saveReport(store.db, input(store, other, { record: makeRecord({ body: '另一镇人民政府' }) }));
  const latest = store.db.prepare('SELECT id FROM latest_reports ORDER BY id').pluck().all();
  assert.deepEqual(latest, [fixId, otherId]);
  assert.equal(ensureWideView(store.db), true);
  assert.equal(ensureWideView(store.db), false, 'unchanged codebook: view left alone');
  const wide = store.db.prepare(`SELECT * FROM ${WIDE_VIEW} WHERE report_id = ?`).get(fixId) as Record<string, unknown>;
  assert.equal(Object.keys(wide)[0], 'report_id', 'named as in reports.csv');
  assert.equal(wide['s3.new.total'], 12);
  assert.equal(wide['s2.rules.issued'], null);
  const long = store.db.prepare("SELECT body, value FROM cells_long WHERE report_id = ? AND code = 's3.new.total'").get(fixId);
  assert.deepEqual(long, { body: '某某镇人民政府', value: 12 });
});
