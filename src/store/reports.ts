/**
 * Reports, cells, checks and warnings. One report per distinct content (sha256); a re-parse replaces the
 * report's cells, checks and warnings in one transaction and keeps its id.
 */
import { createHash } from 'node:crypto';
import type { Db } from './db.ts';
import type { DocumentSource } from './document-source.ts';
import type { ReportRecord } from '../model/report.ts';

export type ReportStatus = 'ok' | 'flagged' | 'partial' | 'text_only' | 'failed' | 'not_report';

/** The division that issued the report (src/divisions/ resolution), with the names along its path. */
export interface ReportDivision {
  code: string | null;
  name: string | null;
  level: string | null;
  /** 人民政府, 街道办事处, department or unknown. */
  kind: string | null;
  department: string | null;
  province: string | null;
  city: string | null;
  county: string | null;
  township: string | null;
}

export interface ReportInput {
  sha256: string;
  source: DocumentSource;
  extractorVersion: string;
  parserVersion: string;
  /** Version of the division resolver (null when none ran). */
  resolverVersion?: string | null;
  status: ReportStatus;
  errorCode?: string | null;
  errorMessage?: string | null;
  format?: string | null;
  /** Absent when extraction or parsing failed. */
  record?: ReportRecord;
  division?: ReportDivision | null;
  runId?: string | null;
  now: string;
}

export interface SavedReport {
  id: number;
  /** First time this content was parsed. */
  created: boolean;
  /** Values, statuses or identification differ from the previous parse. */
  changed: boolean;
}

/** A digest of what researchers see (status, identification, values, flags, checks). */
export function reportContentHash(input: ReportInput): string {
  const r = input.record;
  const payload = {
    status: input.status, error: input.errorCode ?? null, division: input.division?.code ?? null,
    template: r?.template ?? null, year: r?.year ?? null, body: r?.body ?? null,
    values: r ? Object.keys(r.values).sort().map((k) => [k, r.values[k], r.cells[k]?.source ?? null]) : [],
    flagged: r ? [...r.flagged].sort() : [],
    checks: r ? r.checks.map((c) => [c.rule, c.column ?? null, c.status]) : [],
  };
  return createHash('sha256').update(JSON.stringify(payload)).digest('hex');
}

export function countValues(record: ReportRecord | undefined): { read: number; derived: number; nulls: number } {
  const out = { read: 0, derived: 0, nulls: 0 };
  if (!record) return out;
  for (const [code, v] of Object.entries(record.values)) {
    if (v === null) out.nulls++;
    else if (record.cells[code]?.source === 'derived') out.derived++;
    else if (record.cells[code]?.source !== 'corrected') out.read++; // corrected: counted apart (corrected_cells)
  }
  return out;
}

const UPSERT = `
INSERT INTO reports (sha256, document_id, source_url, site_id, published_at, fetched_at, extractor_version,
  parser_version, status, error_code, error_message, format, template, year, body, title, division_code,
  failed_checks, flagged_cells, values_read, values_derived, values_null, text_s1, text_s5, text_s6,
  content_hash, first_parsed_at, parsed_at, run_id, resolver_version, division_name, division_level, body_kind,
  department, province, city, county, township)
VALUES (@sha256, @documentId, @url, @siteId, @publishedAt, @fetchedAt, @extractorVersion, @parserVersion,
  @status, @errorCode, @errorMessage, @format, @template, @year, @body, @title, @divisionCode, @failedChecks,
  @flaggedCells, @read, @derived, @nulls, @s1, @s5, @s6, @hash, @now, @now, @runId, @resolverVersion, @divisionName,
  @divisionLevel, @bodyKind, @department, @province, @city, @county, @township)
ON CONFLICT (sha256) DO UPDATE SET document_id = excluded.document_id, source_url = excluded.source_url,
  site_id = excluded.site_id, published_at = excluded.published_at, fetched_at = excluded.fetched_at,
  extractor_version = excluded.extractor_version, parser_version = excluded.parser_version,
  status = excluded.status, error_code = excluded.error_code, error_message = excluded.error_message,
  format = excluded.format, template = excluded.template, year = excluded.year, body = excluded.body,
  title = excluded.title, division_code = excluded.division_code, failed_checks = excluded.failed_checks,
  flagged_cells = excluded.flagged_cells, values_read = excluded.values_read,
  values_derived = excluded.values_derived, values_null = excluded.values_null, text_s1 = excluded.text_s1,
  text_s5 = excluded.text_s5, text_s6 = excluded.text_s6, content_hash = excluded.content_hash,
  parsed_at = excluded.parsed_at, run_id = excluded.run_id, resolver_version = excluded.resolver_version,
  division_name = excluded.division_name, division_level = excluded.division_level, body_kind = excluded.body_kind,
  department = excluded.department, province = excluded.province, city = excluded.city, county = excluded.county,
  township = excluded.township
RETURNING id`;

/** Writes one report with its cells, checks and warnings in one transaction. */
export function saveReport(db: Db, input: ReportInput): SavedReport {
  const r = input.record;
  const hash = reportContentHash(input);
  const counts = countValues(r);
  return db.transaction((): SavedReport => {
    const prev = db.prepare('SELECT content_hash AS hash FROM reports WHERE sha256 = ?').get(input.sha256) as
      | { hash: string | null }
      | undefined;
    const { id } = db.prepare(UPSERT).get({
      sha256: input.sha256, ...input.source, extractorVersion: input.extractorVersion,
      parserVersion: input.parserVersion, status: input.status, errorCode: input.errorCode ?? null,
      errorMessage: input.errorMessage ?? null, format: input.format ?? null, template: r?.template ?? null,
      year: r?.year ?? null, body: r?.body ?? null, title: r?.title ?? input.source.title ?? null,
      resolverVersion: input.resolverVersion ?? null, ...divisionParams(input.division),
      failedChecks: r ? r.checks.filter((c) => c.status === 'fail').length : 0,
      flaggedCells: r ? new Set(r.flagged).size : 0, ...counts,
      s1: r?.texts.s1 ?? null, s5: r?.texts.s5 ?? null, s6: r?.texts.s6 ?? null,
      hash, now: input.now, runId: input.runId ?? null,
    }) as { id: number };
    for (const t of ['cells', 'checks', 'report_warnings']) db.prepare(`DELETE FROM ${t} WHERE report_id = ?`).run(id);
    if (r) insertChildren(db, id, r);
    return { id, created: prev === undefined, changed: prev !== undefined && prev.hash !== hash };
  })();
}

function divisionParams(d: ReportDivision | null | undefined): Record<string, string | null> {
  return {
    divisionCode: d?.code ?? null, divisionName: d?.name ?? null, divisionLevel: d?.level ?? null,
    bodyKind: d?.kind ?? null, department: d?.department ?? null, province: d?.province ?? null,
    city: d?.city ?? null, county: d?.county ?? null, township: d?.township ?? null,
  };
}

function insertChildren(db: Db, id: number, r: ReportRecord): void {
  const flagged = new Set(r.flagged);
  const cross = new Set(r.flaggedCross ?? []);
  const cell = db.prepare(
    `INSERT INTO cells (report_id, code, value, raw, source, kind, rule, unit, flagged, provenance_json, evidence, flagged_cross)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [code, value] of Object.entries(r.values)) {
    const c = r.cells[code];
    cell.run(id, code, value, c?.raw ?? null, c?.source ?? null, c?.kind ?? null, c?.rule ?? null,
      c?.unit ?? null, flagged.has(code) ? 1 : 0, c ? JSON.stringify(c.provenance) : null, c?.evidence ?? null, flagged.has(code) && cross.has(code) ? 1 : 0);
  }
  const check = db.prepare(
    'INSERT INTO checks (report_id, seq, rule, col, status, expected, actual, cells_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  r.checks.forEach((c, i) =>
    check.run(id, i, c.rule, c.column ?? null, c.status, c.expected ?? null, c.actual ?? null, JSON.stringify(c.cells)),
  );
  const warning = db.prepare(
    'INSERT INTO report_warnings (report_id, seq, code, level, message, cell, where_json) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  r.warnings.forEach((w, i) =>
    warning.run(id, i, w.code, w.level ?? null, w.message, w.cell ?? null, w.where ? JSON.stringify(w.where) : null),
  );
}

/**
 * Contents extracted at this extractor version whose report is missing, from other versions (extractor,
 * parser, division resolver), or older than
 * the extraction (a failed extraction that was retried).
 */
/** The stage versions a report is keyed by. */
export interface StageVersions {
  extractor: string;
  parser: string;
  /** Division resolver (null: reports are stored without a division). */
  resolver?: string | null;
}

export function pendingParses(
  db: Db,
  versions: StageVersions,
  options: { all?: boolean } = {},
): string[] {
  const stale = options.all
    ? ''
    : `AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.sha256 = e.sha256 AND r.extractor_version = @ev
         AND r.parser_version = @pv AND r.resolver_version IS @rv AND r.parsed_at >= e.extracted_at)`;
  return db
    .prepare(`SELECT e.sha256 FROM extractions e WHERE e.extractor_version = @ev ${stale} ORDER BY e.extracted_at, e.sha256`)
    .pluck()
    .all({ ev: versions.extractor, pv: versions.parser, rv: versions.resolver ?? null }) as string[];
}
