/**
 * What the report page shows, read from the store: the report, its cells with their state, checks, warnings
 * and the reviewers' decisions for its document.
 */
import type { Db } from '../store/db.ts';
import type { Provenance } from '../model/result.ts';
import type { CheckStatus } from '../model/report.ts';
import { correctionsFor, type Correction } from '../store/corrections.ts';

export interface ReportHead {
  id: number;
  sha256: string;
  status: string;
  errorCode: string | null;
  errorMessage: string | null;
  format: string | null;
  template: string | null;
  year: number | null;
  body: string | null;
  title: string | null;
  divisionCode: string | null;
  divisionName: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  sourceUrl: string | null;
  extractorVersion: string;
  parserVersion: string;
  failedChecks: number;
  flaggedCells: number;
  ocr: number;
  pages: number | null;
}

export type CellState = 'read' | 'derived' | 'empty' | 'flagged' | 'corrected' | 'confirmed';

export interface CellView {
  code: string;
  value: number | null;
  raw: string | null;
  source: string | null;
  kind: string | null;
  rule: string | null;
  unit: string | null;
  flagged: boolean;
  provenance: Provenance | null;
  state: CellState;
}

export interface CheckView {
  rule: string;
  column: string | null;
  status: CheckStatus;
  expected: number | null;
  actual: number | null;
  cells: string[];
}

export interface WarningView {
  code: string;
  level: string | null;
  message: string;
  cell: string | null;
}

export interface ReportView {
  report: ReportHead;
  cells: CellView[];
  checks: CheckView[];
  warnings: WarningView[];
  corrections: Correction[];
}

const HEAD = `SELECT r.id, r.sha256, r.status, r.error_code AS errorCode, r.error_message AS errorMessage, r.format, r.template,
  r.year, r.body, r.title, r.division_code AS divisionCode, r.division_name AS divisionName, r.province, r.city, r.county,
  r.source_url AS sourceUrl, r.extractor_version AS extractorVersion, r.parser_version AS parserVersion,
  r.failed_checks AS failedChecks, r.flagged_cells AS flaggedCells, COALESCE(e.ocr, 0) AS ocr, e.pages
  FROM reports r LEFT JOIN extractions e ON e.sha256 = r.sha256 AND e.extractor_version = r.extractor_version
  WHERE r.id = ?`;

export function reportHead(db: Db, id: number): ReportHead | undefined {
  return db.prepare(HEAD).get(id) as ReportHead | undefined;
}

/** flagged wins over everything but a reviewer's decision; an empty cell is one without a value. */
export function cellState(c: { value: number | null; source: string | null; flagged: boolean }): CellState {
  if (c.source === 'corrected' || c.source === 'confirmed') return c.source;
  if (c.flagged) return 'flagged';
  if (c.value === null) return 'empty';
  return c.source === 'derived' ? 'derived' : 'read';
}

export function loadReportView(db: Db, id: number): ReportView | undefined {
  const report = reportHead(db, id);
  if (!report) return undefined;
  const cells = (db
    .prepare('SELECT code, value, raw, source, kind, rule, unit, flagged, provenance_json AS p FROM cells WHERE report_id = ?')
    .all(id) as (Omit<CellView, 'flagged' | 'provenance' | 'state'> & { flagged: number; p: string | null })[])
    .map(({ p, flagged, ...c }) => {
      const view = { ...c, flagged: flagged === 1, provenance: p ? (JSON.parse(p) as Provenance) : null };
      return { ...view, state: cellState(view) };
    });
  const checks = (db
    .prepare('SELECT rule, col AS "column", status, expected, actual, cells_json AS c FROM checks WHERE report_id = ? ORDER BY seq')
    .all(id) as (Omit<CheckView, 'cells'> & { c: string })[])
    .map(({ c, ...k }) => ({ ...k, cells: JSON.parse(c) as string[] }));
  const warnings = db
    .prepare('SELECT code, level, message, cell FROM report_warnings WHERE report_id = ? ORDER BY seq')
    .all(id) as WarningView[];
  return { report, cells, checks, warnings, corrections: correctionsFor(db, report.sha256) };
}
