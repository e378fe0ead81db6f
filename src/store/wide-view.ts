/**
 * `reports_wide`: one row per report, one column per codebook code (the same order as reports.csv).
 * Generated from the codebook at run time, so a codebook change needs no migration: the view is
 * recreated when its SQL differs from what the codebook gives.
 */
import type { Db } from './db.ts';
import { ALL_CODES } from '../model/codebook.ts';

export const WIDE_VIEW = 'reports_wide';

/** The report's columns first (its id named `report_id`, as in reports.csv). */
const REPORT_COLUMNS = [
  'id AS report_id', 'sha256', 'body', 'division_code', 'year', 'template', 'status', 'failed_checks', 'flagged_cells',
  'source_url', 'site_id', 'published_at', 'fetched_at', 'parser_version',
];

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function wideViewSql(codes: readonly string[] = ALL_CODES): string {
  const cols = codes.map(
    (c) => `(SELECT value FROM cells c WHERE c.report_id = r.id AND c.code = '${c.replace(/'/g, "''")}') AS ${quoteIdent(c)}`,
  );
  return `CREATE VIEW ${WIDE_VIEW} AS SELECT ${[...REPORT_COLUMNS.map((c) => `r.${c}`), ...cols].join(', ')} FROM reports r`;
}

/** Creates or refreshes the view; returns true when it changed. */
export function ensureWideView(db: Db, codes: readonly string[] = ALL_CODES): boolean {
  const want = wideViewSql(codes);
  const have = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = ?").pluck().get(WIDE_VIEW);
  if (have === want) return false;
  db.transaction(() => {
    db.exec(`DROP VIEW IF EXISTS ${WIDE_VIEW}`);
    db.exec(want);
  })();
  return true;
}
