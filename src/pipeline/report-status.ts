/** The status of a parsed report (pure): how far its numbers can be used. README "reports.csv" documents it. */
import type { ReportRecord } from '../model/report.ts';
import type { ReportStatus } from '../store/reports.ts';

/** Errors that mean "this document is not an annual report" rather than "we failed to read it". */
export const NOT_REPORT_CODES = new Set(['parse.not_report']);

/** A template report with more of its cells empty than this share is `partial`. */
export const PARTIAL_SHARE = 0.05;
/** Templates with fixed tables: their every cell is expected. */
const TABLE_TEMPLATES = new Set(['t2021', 't2019', 'hybrid']);

/** The statuses of a stored report, most usable first (failed and not_report have no numbers). */
export const REPORT_STATUSES: readonly ReportStatus[] = ['ok', 'flagged', 'partial', 'text_only', 'failed', 'not_report'];

/**
 * - text_only: no number was read or derived (a free-form report, tables that could not be read);
 * - partial: a template report with more than PARTIAL_SHARE of its cells empty;
 * - flagged: a flagged cell or a failed arithmetic check;
 * - ok otherwise.
 * The X.* checks (cross-checks against the narrative and plausibility) are warnings: a narrative's scope often
 * differs from its table's (洪泽 2024 quotes the 区政府办's 17 applications against the district's 95), so they do
 * not flag a report.
 */
export function reportStatus(record: ReportRecord): ReportStatus {
  // record.values holds every cell of the detected template, null where nothing could be read.
  const values = Object.values(record.values);
  const numbers = values.filter((v) => v !== null).length;
  if (numbers === 0) return 'text_only';
  if (TABLE_TEMPLATES.has(record.template) && values.length - numbers > values.length * PARTIAL_SHARE) return 'partial';
  const failed = record.checks.some((c) => c.status === 'fail' && !c.rule.startsWith('X.'));
  return record.flagged.length > 0 || failed ? 'flagged' : 'ok';
}

export function statusForError(code: string): ReportStatus {
  return NOT_REPORT_CODES.has(code) ? 'not_report' : 'failed';
}

/** A zero count for every status (summaries list them all). */
export function statusCounts(): Record<ReportStatus, number> {
  return Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>;
}
