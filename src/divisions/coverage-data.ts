/**
 * Reads what coverage needs from the pipeline's `reports` table, defensively: columns that an older or
 * newer schema lacks are read as NULL (with a warning), a missing table gives no rows.
 */
import { ok, warn, type Message, type Result } from '../model/result.ts';
import type { Db } from '../store/db.ts';
import type { BodyKind } from './types.ts';

export interface CoverageReportRow {
  divisionCode: string | null;
  year: number | null;
  /** reports.status: ok | flagged (parsed), failed (found, not parsed), not_report (ignored). */
  status: string;
  body: string | null;
  /** reports.body_kind when the schema has it. */
  kind: BodyKind | null;
}

const WANTED: Record<keyof CoverageReportRow, string> = {
  divisionCode: 'division_code',
  year: 'year',
  status: 'status',
  body: 'body',
  kind: 'body_kind',
};

function columnsOf(db: Db, table: string): Set<string> {
  const rows = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

export function readCoverageRows(db: Db): Result<CoverageReportRow[]> {
  const warnings: Message[] = [];
  const have = columnsOf(db, 'reports');
  if (have.size === 0) {
    warnings.push(warn('coverage.no_reports', 'the database has no reports table yet: every body counts as not found'));
    return ok([], warnings);
  }
  const select = Object.entries(WANTED).map(([key, col]) => {
    if (have.has(col)) return `${col} AS ${key}`;
    if (key === 'status' || key === 'year' || key === 'divisionCode') {
      warnings.push(warn('coverage.missing_column', `reports has no ${col} column: read as NULL`));
    }
    return `NULL AS ${key}`;
  });
  const rows = db.prepare(`SELECT ${select.join(', ')} FROM reports`).all() as CoverageReportRow[];
  for (const r of rows) {
    r.status ??= 'unknown';
    if (r.year !== null) r.year = Number(r.year);
  }
  return ok(rows, warnings);
}
