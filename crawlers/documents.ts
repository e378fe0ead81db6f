/**
 * The `documents` table: one row per (url, content version). Raw bytes go to the BlobStore (sha256) before
 * the row is written, so a row always has its blob. A URL whose bytes change gets a new row with the next
 * version; the old row and blob are kept.
 */
import type { Db } from '../src/store/db.ts';
import { stmt } from './statements.ts';

export type StoreOutcome = 'new' | 'changed' | 'unchanged' | 'duplicate';

export interface DocumentInput {
  urlKey: string;
  url: string;
  siteId: string;
  sha256: string;
  contentType?: string;
  ext?: string;
  bytes: number;
  title?: string;
  publishedAt?: string;
  referrer?: string;
  now: string;
  /** The organ (township, department) whose sub-column listed the document. */
  context?: string;
}

export interface DocumentRow {
  id: number;
  url_key: string;
  url: string;
  site_id: string | null;
  sha256: string;
  version: number;
  content_type: string | null;
  ext: string | null;
  bytes: number | null;
  title: string | null;
  published_at: string | null;
  referrer: string | null;
  first_seen: string;
  last_seen: string;
}

/** Records a document version (call inside a transaction together with the frontier update). */
export function recordDocument(db: Db, d: DocumentInput): StoreOutcome {
  const same = stmt(db, 'SELECT id, version FROM documents WHERE url_key = ? AND sha256 = ?').get(d.urlKey, d.sha256) as
    | { id: number; version: number }
    | undefined;
  const prev = stmt(db, 'SELECT max(version) AS v FROM documents WHERE url_key = ?').get(d.urlKey) as { v: number | null };
  if (same) {
    // Bytes reverted to an older version: that version becomes the latest again (UNIQUE(url_key, sha256)).
    const reverted = prev.v !== null && same.version < prev.v;
    stmt(db, 
      `UPDATE documents SET last_seen = ?, version = ?, title = coalesce(title, ?), published_at = coalesce(published_at, ?) WHERE id = ?`,
    ).run(d.now, reverted ? (prev.v ?? 0) + 1 : same.version, d.title ?? null, d.publishedAt ?? null, same.id);
    return reverted ? 'changed' : 'unchanged';
  }
  const elsewhere = stmt(db, 'SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1').get(d.sha256) !== undefined;
  stmt(db, 
    `INSERT INTO documents (url_key, url, site_id, sha256, version, content_type, ext, bytes, title, published_at, referrer,
       first_seen, last_seen, context) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(d.urlKey, d.url, d.siteId, d.sha256, (prev.v ?? 0) + 1, d.contentType ?? null, d.ext ?? null, d.bytes,
    d.title ?? null, d.publishedAt ?? null, d.referrer ?? null, d.now, d.now, d.context ?? null);
  if (prev.v !== null) return 'changed';
  return elsewhere ? 'duplicate' : 'new';
}

/** A 304 for a known URL: the latest version was seen again. Returns false when the URL has no document. */
export function touchDocument(db: Db, urlKey: string, now: string): boolean {
  const r = stmt(db, 
    'UPDATE documents SET last_seen = ? WHERE id = (SELECT id FROM documents WHERE url_key = ? ORDER BY version DESC LIMIT 1)',
  ).run(now, urlKey);
  return r.changes > 0;
}

/** Latest version of every document, oldest first (for the dataset pipeline and tests). */
export function latestDocuments(db: Db): DocumentRow[] {
  return stmt(db, 
    `SELECT d.* FROM documents d
     WHERE d.version = (SELECT max(version) FROM documents d2 WHERE d2.url_key = d.url_key) ORDER BY d.id`,
  ).all() as DocumentRow[];
}

export interface FetchLogRow {
  runId: string;
  url: string;
  siteId?: string;
  status?: number;
  bytes?: number;
  ms?: number;
  errorKind?: string;
  conditional?: boolean;
  via?: 'http' | 'browser';
  evidence?: string;
}

export function logFetch(db: Db, f: FetchLogRow): void {
  stmt(db, 
    `INSERT INTO fetches (run_id, url, site_id, status, bytes, ms, error_kind, conditional, via, evidence, time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(f.runId, f.url, f.siteId ?? null, f.status ?? null, f.bytes ?? null, f.ms ?? null, f.errorKind ?? null,
    f.conditional ? 1 : 0, f.via ?? 'http', f.evidence ?? null, new Date().toISOString());
}
