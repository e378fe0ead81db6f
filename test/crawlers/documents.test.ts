import { test } from 'node:test';
import assert from 'node:assert/strict';
import { latestDocuments, recordDocument, touchDocument, type DocumentInput } from '../../crawlers/documents.ts';
import { tempStore } from './helpers/store.ts';

const doc = (over: Partial<DocumentInput>): DocumentInput => ({
  urlKey: 'http://a.gov.cn/1.pdf', url: 'http://a.gov.cn/1.pdf', siteId: 's', sha256: 'a'.repeat(64), bytes: 10, ext: 'pdf',
  title: '2023年政府信息公开工作年度报告', now: '2024-01-01T00:00:00Z', ...over,
});

test('versions: new, unchanged, changed (old kept), duplicate bytes at another URL, reverted bytes', (t) => {
  const { db } = tempStore(t);
  assert.equal(recordDocument(db, doc({})), 'new');
  assert.equal(recordDocument(db, doc({ now: '2024-02-01T00:00:00Z' })), 'unchanged');
  assert.equal(recordDocument(db, doc({ sha256: 'b'.repeat(64) })), 'changed');
  assert.equal(recordDocument(db, doc({ urlKey: 'http://a.gov.cn/copy.pdf', url: 'http://a.gov.cn/copy.pdf' })), 'duplicate');
  const rows = db.prepare("SELECT version, sha256, last_seen FROM documents WHERE url_key = 'http://a.gov.cn/1.pdf' ORDER BY version").all() as { version: number; sha256: string; last_seen: string }[];
  assert.deepEqual(rows.map((r) => [r.version, r.sha256[0]]), [[1, 'a'], [2, 'b']]);
  assert.equal(rows[0].last_seen, '2024-02-01T00:00:00Z');
  assert.equal(recordDocument(db, doc({})), 'changed'); // back to the first bytes: they are the latest again
  assert.deepEqual(latestDocuments(db).map((d) => [d.url_key, d.version, d.sha256[0]]), [
    ['http://a.gov.cn/1.pdf', 3, 'a'], ['http://a.gov.cn/copy.pdf', 1, 'a'],
  ]);
  assert.ok(touchDocument(db, 'http://a.gov.cn/1.pdf', '2024-03-01T00:00:00Z'));
  assert.ok(!touchDocument(db, 'http://a.gov.cn/none.pdf', '2024-03-01T00:00:00Z'));
});
