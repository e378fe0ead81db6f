/**
 * Test helpers: a temp data dir with a migrated database, a BlobStore, and documents inserted directly
 * (no network). If the crawl migrations (1xx) are not there, a `documents` table of the agreed shape is made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/store/db.ts';
import { BlobStore } from '../../src/store/blobs.ts';
import type { ReportRecord } from '../../src/model/report.ts';

export interface TestStore {
  dir: string;
  db: Db;
  blobs: BlobStore;
  cleanup(): void;
}

export function tempStore(): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-test-'));
  const db = openDb(join(dir, 'nianbao.sqlite'));
  db.exec(`CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY, url_key TEXT NOT NULL, url TEXT NOT NULL, site_id TEXT, sha256 TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 1, content_type TEXT, ext TEXT, bytes INTEGER, title TEXT, published_at TEXT,
    referrer TEXT, first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, UNIQUE (url_key, sha256))`);
  const blobs = new BlobStore(join(dir, 'raw'));
  return {
    dir, db, blobs,
    cleanup() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let seq = 0;

/** Stores the bytes and a documents row; returns the sha256. */
export function addDocument(
  store: TestStore,
  bytes: Uint8Array | string,
  doc: { url?: string; siteId?: string; title?: string; contentType?: string; ext?: string; publishedAt?: string } = {},
): string {
  const buf = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  const sha = store.blobs.put(buf);
  const url = doc.url ?? `http://127.0.0.1/doc-${++seq}.${doc.ext ?? 'txt'}`;
  const now = new Date().toISOString();
  const cols = new Set((store.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[]).map((c) => c.name));
  const row: Record<string, unknown> = {
    url_key: url, url, site_id: doc.siteId ?? 'test-site', sha256: sha, version: 1,
    content_type: doc.contentType ?? 'text/plain; charset=utf-8', ext: doc.ext ?? 'txt', bytes: buf.byteLength,
    title: doc.title ?? null, published_at: doc.publishedAt ?? null, referrer: null, first_seen: now, last_seen: now,
  };
  const keys = Object.keys(row).filter((k) => cols.has(k));
  store.db
    .prepare(`INSERT INTO documents (${keys.join(', ')}) VALUES (${keys.map((k) => `@${k}`).join(', ')})`)
    .run(Object.fromEntries(keys.map((k) => [k, row[k]])));
  return sha;
}

/** A small hand-made report record (two section-三 cells, one derived, one check). */
export function makeRecord(over: Partial<ReportRecord> = {}): ReportRecord {
  return {
    template: 't2021', year: 2023, body: '某某镇人民政府', title: '某某镇2023年政府信息公开工作年度报告',
    values: { 's3.new.total': 12, 's3.carried_in.total': 3, 's3.carried_out.total': null },
    flagged: [],
    cells: {
      's3.new.total': { raw: '12', source: 'read', kind: 'number', provenance: { table: 1, row: 2, col: 8 } },
      's3.carried_in.total': { raw: '', source: 'derived', kind: 'blank', rule: 'R3.1', provenance: {} },
    },
    checks: [{ rule: 'R3.1', column: 'total', status: 'pass', expected: 15, actual: 15, cells: ['s3.new.total', 's3.carried_in.total'] }],
    texts: { s1: '总体情况', s5: '问题', s6: '其他' },
    warnings: [{ code: 'parse.cell_missing', message: 's3.carried_out.total not found', cell: 's3.carried_out.total' }],
    ...over,
  };
}
