/**
 * Row generators for the exports, reading the store in batches of reports (keyset pagination by id), so an
 * export of a large dataset holds one batch in memory.
 */
import type { Db } from '../store/db.ts';
import { ALL_CODES, FIELDS } from '../model/codebook.ts';
import type { CsvValue } from './csv-file.ts';
import { REPORT_COLUMNS } from './columns.ts';

export interface RowOptions {
  /** Only the latest usable report per body and year (the `latest_reports` view). */
  onlyLatest?: boolean;
  batchSize?: number;
}

type ReportRow = Record<(typeof REPORT_COLUMNS)[number], CsvValue>;

const REPORT_SQL = `SELECT r.id AS report_id, r.body, r.division_code, r.division_name, r.province, r.city, r.county,
    r.township, r.body_kind, r.department, r.year, r.template, r.source_url, r.sha256, r.fetched_at, r.status,
    r.failed_checks, r.flagged_cells, r.values_read, r.values_derived, r.values_null AS values_empty, 0 AS latest,
    r.published_at, r.site_id, r.title, r.format, r.error_code, r.extractor_version, r.parser_version,
    r.resolver_version,
    (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id AND c.source = 'corrected') AS corrected_cells,
    (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id AND c.source = 'confirmed') AS confirmed_cells
  FROM reports r WHERE r.id > ? ORDER BY r.id LIMIT ?`;

/** Batches of report rows in id order, with `latest` set (and, with onlyLatest, only those). */
function* reportBatches(db: Db, options: RowOptions): Generator<ReportRow[]> {
  const latest = new Set(db.prepare('SELECT id FROM latest_reports').pluck().all() as number[]);
  const stmt = db.prepare(REPORT_SQL);
  let last = 0;
  for (;;) {
    const batch = stmt.all(last, options.batchSize ?? 500) as ReportRow[];
    if (batch.length === 0) return;
    last = batch[batch.length - 1]!.report_id as number;
    for (const r of batch) r.latest = latest.has(r.report_id as number) ? 1 : 0;
    const kept = options.onlyLatest ? batch.filter((r) => r.latest === 1) : batch;
    if (kept.length > 0) yield kept;
  }
}

function* childRows<T extends { report_id: number }>(db: Db, sql: string, options: RowOptions, map: (row: T) => CsvValue[]): Generator<CsvValue[]> {
  const stmt = db.prepare(sql);
  for (const batch of reportBatches(db, options)) {
    const ids = new Set(batch.map((r) => r.report_id as number));
    for (const row of stmt.all(batch[0]!.report_id, batch[batch.length - 1]!.report_id) as T[]) {
      if (ids.has(row.report_id)) yield map(row);
    }
  }
}

const CODE_INDEX = new Map(ALL_CODES.map((c, i) => [c, i]));
const codeOrder = `CASE code ${ALL_CODES.map((c, i) => `WHEN '${c}' THEN ${i}`).join(' ')} ELSE ${ALL_CODES.length} END`;

export function* reportRows(db: Db, options: RowOptions = {}): Generator<CsvValue[]> {
  const cells = db.prepare('SELECT report_id, code, value FROM cells WHERE report_id BETWEEN ? AND ?');
  for (const batch of reportBatches(db, options)) {
    const values = new Map<number, CsvValue[]>();
    for (const c of cells.all(batch[0]!.report_id, batch[batch.length - 1]!.report_id) as { report_id: number; code: string; value: number | null }[]) {
      const i = CODE_INDEX.get(c.code);
      if (i === undefined) continue;
      let row = values.get(c.report_id);
      if (!row) values.set(c.report_id, (row = new Array<CsvValue>(ALL_CODES.length).fill(null)));
      row[i] = c.value;
    }
    for (const r of batch) {
      const codes = values.get(r.report_id as number) ?? new Array<CsvValue>(ALL_CODES.length).fill(null);
      yield [...REPORT_COLUMNS.map((k) => r[k]), ...codes];
    }
  }
}

export function cellRows(db: Db, options: RowOptions = {}): Generator<CsvValue[]> {
  return childRows<{ report_id: number; code: string; value: number | null; source: string; rule: string; flagged: number; raw: string; kind: string; evidence: string | null }>(
    db,
    `SELECT report_id, code, value, source, rule, MAX(flagged, flagged_cross) AS flagged, raw, kind, evidence FROM cells WHERE report_id BETWEEN ? AND ?
     ORDER BY report_id, ${codeOrder}, code`,
    options,
    (c) => [c.report_id, c.code, c.value, c.source, c.rule, c.flagged, c.raw, c.kind, c.evidence],
  );
}

export function checkRows(db: Db, options: RowOptions = {}): Generator<CsvValue[]> {
  return childRows<{ report_id: number; rule: string; col: string; status: string; expected: number; actual: number; cells_json: string }>(
    db,
    'SELECT report_id, rule, col, status, expected, actual, cells_json FROM checks WHERE report_id BETWEEN ? AND ? ORDER BY report_id, seq',
    options,
    (c) => [c.report_id, c.rule, c.col, c.status, c.expected, c.actual, (JSON.parse(c.cells_json) as string[]).join(' ')],
  );
}

export function warningRows(db: Db, options: RowOptions = {}): Generator<CsvValue[]> {
  return childRows<{ report_id: number; code: string; level: string; cell: string; message: string }>(
    db,
    'SELECT report_id, code, level, cell, message FROM report_warnings WHERE report_id BETWEEN ? AND ? ORDER BY report_id, seq',
    options,
    (w) => [w.report_id, w.code, w.level, w.cell, w.message],
  );
}

export function* codebookRows(): Generator<CsvValue[]> {
  for (const f of FIELDS) {
    yield [f.code, f.templates.join(' '), f.section, f.group, f.rowLabel, f.columnLabel, f.english, f.unit, f.type, f.stataName, f.unitEn];
  }
}
