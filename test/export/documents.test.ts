/** documents.csv: every document the crawler found has a row with its URL, including those lost in the crawl. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDocument, makeRecord, tempStore } from '../store/fixture-db.ts';
import { saveReport } from '../../src/store/reports.ts';
import { firstDocument } from '../../src/store/document-source.ts';
import { exportDataset } from '../../src/export/index.ts';
import { csvRecords } from './read-csv.ts';

test('stored documents with their report, and crawl failures (too large, not a file, blocked) with their error code', async (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  const url = (p: string) => `http://a.gov.cn/${p}`;
  const parsed = addDocument(store, 'report', { url: url('r1.pdf'), siteId: 'a' });
  addDocument(store, 'another', { url: url('r2.pdf'), siteId: 'a' });
  const id = saveReport(store.db, {
    sha256: parsed, source: firstDocument(store.db, parsed), extractorVersion: 'e', parserVersion: 'p', status: 'ok',
    record: makeRecord(), now: '2026-01-01T00:00:00Z',
  }).id;
  const frontier = store.db.prepare(
    `INSERT INTO frontier (url_key, url, site_id, host, kind, state, last_error, discovered_at, title)
     VALUES (?, ?, 'a', 'a.gov.cn', ?, ?, ?, '2026-01-01T00:00:00Z', ?)`,
  );
  frontier.run(url('r1.pdf'), url('r1.pdf'), 'attachment', 'done', null, null);
  frontier.run(url('big.pdf'), url('big.pdf'), 'attachment', 'failed', 'fetch.too_large', '2023年年报');
  frontier.run(url('x.doc'), url('x.doc'), 'attachment', 'failed', 'attachment.not_a_file', null);
  frontier.run(url('d.html'), url('d.html'), 'detail', 'blocked', 'blocked.page: 验证码', null);
  frontier.run(url('later.pdf'), url('later.pdf'), 'attachment', 'pending', null, null);
  frontier.run(url('article.html'), url('article.html'), 'detail', 'done', null, null);
  frontier.run(url('list/'), url('list/'), 'list', 'failed', 'fetch.network', null);
  const files = await exportDataset(store.db, join(store.dir, 'out'), { bom: false });
  assert.equal(files.find((f) => f.name === 'documents.csv')?.rows, 6);
  const rows = csvRecords(readFileSync(join(store.dir, 'out/documents.csv'), 'utf8'));
  const by = new Map(rows.map((r) => [r.url, r]));
  assert.deepEqual([by.get(url('r1.pdf'))!.report_id, by.get(url('r1.pdf'))!.status, by.get(url('r1.pdf'))!.kind], [String(id), 'ok', 'attachment']);
  assert.equal(by.get(url('r2.pdf'))!.status, 'pending', 'stored, not yet parsed');
  assert.deepEqual([by.get(url('big.pdf'))!.status, by.get(url('big.pdf'))!.error_code, by.get(url('big.pdf'))!.title], ['failed', 'fetch.too_large', '2023年年报']);
  assert.equal(by.get(url('x.doc'))!.error_code, 'attachment.not_a_file');
  assert.deepEqual([by.get(url('d.html'))!.crawl_state, by.get(url('d.html'))!.error_code], ['blocked', 'blocked.page']);
  assert.equal(by.get(url('later.pdf'))!.crawl_state, 'pending');
  assert.equal(by.has(url('article.html')), false, 'a detail page with attachments is not a document');
  assert.equal(by.has(url('list/')), false, 'a list page is not a document');
});
