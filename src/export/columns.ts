/**
 * The stable column lists of the CSV exports (documented in README.md). New columns are only ever added
 * before the codes in reports.csv or at the end of the other files.
 */
import { ALL_CODES } from '../model/codebook.ts';

/** reports.csv: these columns, then every code of both templates in codebook order. */
export const REPORT_COLUMNS = [
  'report_id', 'body', 'division_code', 'division_name', 'province', 'city', 'county', 'township', 'body_kind',
  'department', 'year', 'template', 'source_url', 'sha256', 'fetched_at', 'status', 'failed_checks',
  'flagged_cells', 'values_read', 'values_derived', 'values_empty', 'latest', 'published_at', 'site_id', 'title', 'format', 'error_code', 'extractor_version',
  'parser_version', 'resolver_version', 'corrected_cells', 'confirmed_cells',
] as const;

export function reportHeader(codes: readonly string[] = ALL_CODES): string[] {
  return [...REPORT_COLUMNS, ...codes];
}

export const CELL_COLUMNS = ['report_id', 'code', 'value', 'source', 'rule', 'flagged', 'raw', 'kind', 'evidence'] as const;
export const CHECK_COLUMNS = ['report_id', 'rule', 'column', 'status', 'expected', 'actual', 'cells'] as const;
export const WARNING_COLUMNS = ['report_id', 'code', 'level', 'cell', 'message'] as const;
export const CODEBOOK_COLUMNS = [
  'code', 'templates', 'section', 'group', 'row_label', 'column_label', 'english', 'unit', 'type', 'stata_name', 'unit_en',
] as const;
/** corrections.csv: reviewers' decisions (`nianbao review`), the format `nianbao corrections import` reads. */
export const CORRECTION_COLUMNS = [
  'report_id', 'sha256', 'code', 'action', 'value', 'parsed', 'note', 'reviewer', 'corrected_at',
] as const;
