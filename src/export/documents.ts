/**
 * documents.csv: every document the crawler found, with its URL, whether it was stored, and what became of it
 * (its report's id and status, or why it failed). A document that failed in the crawl (too large, not a file,
 * blocked, robots.txt) has no report: here it still has a row, so a researcher can count what was lost.
 * Reads the crawler's tables (`documents`, `frontier`, migrations 1xx) and `reports`; writes nothing.
 */
import type { Db } from '../store/db.ts';
import { hasTable } from '../store/document-source.ts';
import type { CsvValue } from './csv-file.ts';

export const DOCUMENT_COLUMNS = [
  'url', 'site_id', 'kind', 'found_at', 'crawl_state', 'crawl_error', 'sha256', 'version', 'title', 'published_at',
  'report_id', 'status', 'error_code',
] as const;

/**
 * One row per stored document version (crawl_state `stored`; status: its report's, or `pending` before it is
 * parsed), then one per report page or attachment the crawl found but did not store (crawl_state `failed`,
 * `blocked` or `pending`; status `failed` with the crawl's error code, or `pending`).
 */
const SQL = `
SELECT d.url, d.site_id, f.kind, d.first_seen AS found_at, 'stored' AS crawl_state, NULL AS crawl_error, d.sha256,
       d.version, d.title, d.published_at, r.id AS report_id, COALESCE(r.status, 'pending') AS status, r.error_code
FROM documents d LEFT JOIN frontier f ON f.url_key = d.url_key LEFT JOIN reports r ON r.sha256 = d.sha256
UNION ALL
SELECT f.url, f.site_id, f.kind, f.discovered_at, CASE f.state WHEN 'in_progress' THEN 'pending' ELSE f.state END,
       f.last_error, NULL, NULL, f.title, f.published_at, NULL,
       CASE WHEN f.state IN ('failed', 'blocked') THEN 'failed' ELSE 'pending' END,
       CASE WHEN f.state IN ('failed', 'blocked') THEN f.last_error END
FROM frontier f
WHERE f.kind IN ('detail', 'attachment') AND f.state <> 'done'
  AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.url_key = f.url_key)
ORDER BY crawl_state DESC, found_at, url`;

export function* documentRows(db: Db): Generator<CsvValue[]> {
  if (!hasTable(db, 'documents') || !hasTable(db, 'frontier')) return;
  for (const r of db.prepare(SQL).iterate() as Iterable<Record<(typeof DOCUMENT_COLUMNS)[number], CsvValue>>) {
    // A blocked page's error is "kind: evidence"; the code is the part before the colon.
    if (r.crawl_state === 'blocked' && typeof r.error_code === 'string') r.error_code = r.error_code.split(':')[0]!;
    yield DOCUMENT_COLUMNS.map((c) => r[c]);
  }
}
