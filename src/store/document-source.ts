/**
 * Read-only look-ups in the crawler's `documents` table (migrations 1xx) that the dataset stages need.
 * A content (sha256) may have been found at several URLs; its source is the first document that had it.
 */
import type { Db } from './db.ts';

export interface DocumentSource {
  documentId: number | null;
  url: string | null;
  siteId: string | null;
  title: string | null;
  contentType: string | null;
  publishedAt: string | null;
  fetchedAt: string | null;
  /** The organ (township, department) whose sub-column listed the document, as the crawler saw it. */
  context?: string | null;
}

export const NO_SOURCE: DocumentSource = {
  documentId: null, url: null, siteId: null, title: null, contentType: null, publishedAt: null, fetchedAt: null,
};

export function firstDocument(db: Db, sha: string): DocumentSource {
  const row = db
    .prepare(
      `SELECT id AS documentId, url, site_id AS siteId, title, content_type AS contentType,
              published_at AS publishedAt, first_seen AS fetchedAt, context
       FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1`,
    )
    .get(sha) as DocumentSource | undefined;
  return row ?? NO_SOURCE;
}

export function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined;
}
