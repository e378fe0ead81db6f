/** The status of a parsed report (pure). */
import type { ReportRecord } from '../model/report.ts';
import type { ReportStatus } from '../store/reports.ts';

/** Errors that mean "this document is not an annual report" rather than "we failed to read it". */
export const NOT_REPORT_CODES = new Set(['parse.not_report']);

/** flagged: a failed check or a flagged cell; ok otherwise. */
export function reportStatus(record: ReportRecord): ReportStatus {
  if (record.flagged.length > 0 || record.checks.some((c) => c.status === 'fail')) return 'flagged';
  return 'ok';
}

export function statusForError(code: string): ReportStatus {
  return NOT_REPORT_CODES.has(code) ? 'not_report' : 'failed';
}
