/** The status of a parsed report (pure). */
import type { ReportRecord } from '../model/report.ts';
import type { ReportStatus } from '../store/reports.ts';

/** Errors that mean "this document is not an annual report" rather than "we failed to read it". */
export const NOT_REPORT_CODES = new Set(['parse.not_report']);

/**
 * flagged: a flagged cell or a failed arithmetic check; ok otherwise. The X.* checks (cross-checks against
 * the narrative and plausibility) are warnings: a narrative's scope often differs from its table's (洪泽
 * 2024 quotes the 区政府办's 17 applications against the district's 95), so they do not flag a report.
 */
export function reportStatus(record: ReportRecord): ReportStatus {
  const failed = record.checks.some((c) => c.status === 'fail' && !c.rule.startsWith('X.'));
  return record.flagged.length > 0 || failed ? 'flagged' : 'ok';
}

export function statusForError(code: string): ReportStatus {
  return NOT_REPORT_CODES.has(code) ? 'not_report' : 'failed';
}
