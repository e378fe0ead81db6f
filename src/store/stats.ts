/** Counts over the whole store, for run summaries and `nianbao status`. */
import type { Db } from './db.ts';
import { hasTable } from './document-source.ts';
import { pendingExtractions } from './extractions.ts';
import { pendingParses, type ReportStatus, type StageVersions } from './reports.ts';

export interface StoreStats {
  documents: number;
  /** Distinct contents (sha256) among the documents. */
  contents: number;
  extracted: { ok: number; failed: number };
  pendingExtract: number;
  pendingParse: number;
  reports: Record<ReportStatus, number>;
  /** Reports from other extractor, parser or resolver versions than the current ones. */
  staleReports: number;
  latestReports: number;
  flaggedCells: number;
}

export function storeStats(db: Db, versions: StageVersions): StoreStats {
  const one = (sql: string, ...args: unknown[]): number => (db.prepare(sql).pluck().get(...args) as number | null) ?? 0;
  const docs = hasTable(db, 'documents');
  const reports: Record<ReportStatus, number> = { ok: 0, flagged: 0, partial: 0, text_only: 0, failed: 0, not_report: 0 };
  for (const r of db.prepare('SELECT status, COUNT(*) AS n FROM reports GROUP BY status').all() as { status: ReportStatus; n: number }[]) {
    reports[r.status] = r.n;
  }
  return {
    documents: docs ? one('SELECT COUNT(*) FROM documents') : 0,
    contents: docs ? one('SELECT COUNT(DISTINCT sha256) FROM documents') : 0,
    extracted: {
      ok: one("SELECT COUNT(*) FROM extractions WHERE extractor_version = ? AND status = 'ok'", versions.extractor),
      failed: one("SELECT COUNT(*) FROM extractions WHERE extractor_version = ? AND status = 'failed'", versions.extractor),
    },
    pendingExtract: docs ? pendingExtractions(db, versions.extractor).length : 0,
    pendingParse: pendingParses(db, versions).length,
    reports,
    staleReports: one(
      'SELECT COUNT(*) FROM reports WHERE extractor_version <> ? OR parser_version <> ? OR resolver_version IS NOT ?',
      versions.extractor, versions.parser, versions.resolver ?? null,
    ),
    latestReports: one('SELECT COUNT(*) FROM latest_reports'),
    flaggedCells: one('SELECT COUNT(*) FROM cells WHERE flagged = 1'),
  };
}
