/**
 * The parse stage's last step before a report is stored: the reviewers' decisions for the document
 * (src/store/corrections.ts) applied to the fresh parse, the division resolved for the (possibly corrected)
 * body, and a reviewer's division code or "not a report" decision taking precedence.
 */
import type { ReportRecord } from '../model/report.ts';
import { warn, type Message } from '../model/result.ts';
import type { Db } from '../store/db.ts';
import { correctionsFor } from '../store/corrections.ts';
import type { ReportDivision, ReportInput } from '../store/reports.ts';
import type { Resolver } from '../pipeline/resolver.ts';
import { reportStatus } from '../pipeline/report-status.ts';
import { applyCorrections, notReportMessage } from './apply.ts';

export type DivisionResult = { value: ReportDivision | null; warnings: Message[] };

export const NOT_REPORT_CODE = 'review.not_report';

/**
 * Fills `input` (record, status, division, or the not-a-report decision) from a parsed record.
 * `resolve` resolves the division of a record (the parse stage's resolver call).
 */
export function finishParsed(
  db: Db,
  resolver: Resolver | null,
  input: ReportInput,
  parsed: ReportRecord,
  extractionWarnings: readonly Message[],
  resolve: (record: ReportRecord) => DivisionResult,
): void {
  const review = applyCorrections(parsed, correctionsFor(db, input.sha256));
  const { record, notReport, divisionCode } = review.value;
  const division = chosenDivision(resolver, resolve(record), divisionCode);
  record.warnings = [...extractionWarnings, ...record.warnings, ...review.warnings, ...division.warnings];
  if (notReport) Object.assign(input, { status: 'not_report', errorCode: NOT_REPORT_CODE, errorMessage: notReport });
  else Object.assign(input, { record, status: reportStatus(record), division: division.value });
}

/** A document that failed to parse is still `not_report` when a reviewer said so. */
export function finishUnparsed(db: Db, input: ReportInput): void {
  if (input.status !== 'failed') return;
  const decision = correctionsFor(db, input.sha256).find((c) => c.code === 'report.status');
  if (!decision) return;
  Object.assign(input, { status: 'not_report', errorCode: NOT_REPORT_CODE, errorMessage: notReportMessage(decision) });
}

function chosenDivision(resolver: Resolver | null, resolved: DivisionResult, code: string | null): DivisionResult {
  if (!code) return resolved;
  const known = resolver?.division?.(code) ?? null;
  const base = { kind: resolved.value?.kind ?? null, department: resolved.value?.department ?? null };
  if (known) return { value: { ...base, ...known }, warnings: resolved.warnings };
  const value: ReportDivision = { ...base, code, name: null, level: null, province: null, city: null, county: null, township: null };
  return { value, warnings: [...resolved.warnings, warn('review.division_unknown', `the reviewer's division ${code} is not in the division registry: kept without names`)] };
}
