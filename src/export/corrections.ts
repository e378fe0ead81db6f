/**
 * corrections.csv: every reviewer's decision (src/store/corrections.ts) with the id of the report it applies
 * to (empty when the document has no report in this store). With onlyLatest, only those of latest reports.
 */
import type { Db } from '../store/db.ts';
import type { CsvValue } from './csv-file.ts';

export function* correctionRows(db: Db, options: { onlyLatest?: boolean } = {}): Generator<CsvValue[]> {
  const reports = options.onlyLatest ? 'latest_reports' : 'reports';
  const rows = db
    .prepare(
      `SELECT r.id AS reportId, c.sha256, c.code, c.action, c.value, c.parsed, c.note, c.reviewer, c.corrected_at AS at
       FROM corrections c ${options.onlyLatest ? 'JOIN' : 'LEFT JOIN'} ${reports} r ON r.sha256 = c.sha256
       ORDER BY c.sha256, c.code`,
    )
    .iterate() as Iterable<{ reportId: number | null; sha256: string; code: string; action: string; value: CsvValue; parsed: CsvValue; note: string | null; reviewer: string; at: string }>;
  for (const c of rows) yield [c.reportId, c.sha256, c.code, c.action, c.value, c.parsed, c.note, c.reviewer, c.at];
}
