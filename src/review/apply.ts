/**
 * Reviewers' corrections applied to a freshly parsed report record (pure). The parse stage calls it after
 * every parse, so a correction survives every re-parse; the review page calls it to preview a correction.
 *
 * - `set`: the cell takes the reviewer's value (source `corrected`); `empty`: the cell is emptied (source
 *   `corrected`); `confirm`: the reviewer checked the value against the source (source `confirmed`).
 * - A cell whose parse now differs from what the parser gave when the decision was made gets a warning
 *   (`review.parser_changed`, or `review.parser_agrees` when the parser now reads the corrected value); the
 *   decision stands.
 * - The checks run again over the corrected values. A cell a reviewer decided is never flagged; the other
 *   cells keep the parser's flags that had other reasons than a failed check (OCR confidence, no confirming
 *   check) and are flagged by the checks that fail now.
 * - Report fields: `report.body` and `report.year` replace the parser's; `report.division_code` and
 *   `report.status` (= not_report) are returned for the caller (the division resolver, the report status).
 */
import type { CellRecord, ReportRecord } from '../model/report.ts';
import { warn, type Message, type Result } from '../model/result.ts';
import { isReportField, type Correction } from '../store/corrections.ts';
import { recheck } from './recheck.ts';

export interface Reviewed {
  record: ReportRecord;
  /** Set when a reviewer decided the document is not an annual report: why, for the report's error message. */
  notReport: string | null;
  /** A reviewer's division code for the issuing body (replaces the resolver's). */
  divisionCode: string | null;
}

type Value = number | string | null;

function who(c: Correction): string {
  return `${c.reviewer}, ${c.correctedAt.slice(0, 10)}`;
}

function show(v: Value | undefined): string {
  return v === null || v === undefined || v === '' ? 'nothing' : String(v);
}

/** The warning when the parser now gives something else than when the decision was made (or nothing). */
function drift(c: Correction, now: Value): Message | null {
  const parsed = c.parsed ?? null;
  if (now === parsed) return null;
  const decided = c.action === 'empty' ? null : c.value;
  const what = c.action === 'confirm' ? `confirmed ${show(c.value)} as printed` : `corrected ${show(parsed)} to ${show(decided)}`;
  if (now === decided) {
    return warn('review.parser_agrees', `${c.code}: the parser now reads ${show(now)} itself (a reviewer ${what}; ${who(c)})`, { cell: c.code, level: 'info' });
  }
  return warn('review.parser_changed', `${c.code}: the parser now reads ${show(now)}, not ${show(parsed)} as when a reviewer ${what} (${who(c)}); the reviewer's value stands`, { cell: c.code });
}

export function applyCorrections(input: ReportRecord, corrections: readonly Correction[]): Result<Reviewed> {
  const out: Reviewed = { record: input, notReport: null, divisionCode: null };
  if (corrections.length === 0) return { value: out, warnings: [] };
  const warnings: Message[] = [];
  const record: ReportRecord = { ...input, values: { ...input.values }, cells: { ...input.cells } };
  const prior = recheck(input);
  const otherFlags = input.flagged.filter((c) => !prior.flagged.has(c) && !prior.cross.has(c));
  const decided = new Set<string>();
  let corrected = 0;
  let confirmed = 0;
  for (const c of corrections) {
    if (isReportField(c.code)) {
      applyField(record, out, c, warnings);
      continue;
    }
    if (!(c.code in record.values)) {
      warnings.push(warn('review.cell_absent', `${c.code}: a reviewer's decision (${who(c)}) is not applied: this ${record.template} report has no such cell`, { cell: c.code }));
      continue;
    }
    const now = record.values[c.code] ?? null;
    const d = drift(c, now);
    if (d) warnings.push(d);
    const cell: CellRecord | undefined = record.cells[c.code];
    const value = c.action === 'empty' ? null : typeof c.value === 'number' ? c.value : Number(c.value);
    const { rule: _rule, ...rest }: CellRecord = cell ?? { raw: '', source: 'read', kind: c.action === 'empty' ? 'unreadable' : 'number', provenance: {} };
    record.values[c.code] = value;
    record.cells[c.code] = { ...rest, source: c.action === 'confirm' ? 'confirmed' : 'corrected' };
    decided.add(c.code);
    if (c.action === 'confirm') confirmed++;
    else corrected++;
  }
  const { checks, flagged, cross } = recheck(record);
  record.checks = checks;
  const flags = new Set([...otherFlags, ...flagged, ...cross]);
  record.flagged = Object.keys(record.values).filter((c) => flags.has(c) && !decided.has(c));
  const crossOnly = record.flagged.filter((c) => cross.has(c) && !flagged.has(c) && !otherFlags.includes(c));
  if (crossOnly.length) record.flaggedCross = crossOnly;
  else delete record.flaggedCross;
  if (corrected + confirmed > 0) {
    warnings.push(warn('review.applied', `${corrected} cells corrected and ${confirmed} confirmed by reviewers`, { level: 'info' }));
  }
  out.record = record;
  return { value: out, warnings };
}

/** The error message of a document a reviewer decided is not an annual report. */
export function notReportMessage(c: Correction): string {
  return `a reviewer decided this is not an annual report (${who(c)})${c.note ? `: ${c.note}` : ''}`;
}

function applyField(record: ReportRecord, out: Reviewed, c: Correction, warnings: Message[]): void {
  switch (c.code) {
    case 'report.status':
      out.notReport = notReportMessage(c);
      return;
    case 'report.division_code':
      out.divisionCode = String(c.value);
      warnings.push(warn('review.division', `division set to ${c.value} by a reviewer (${who(c)})`, { level: 'info' }));
      return;
    case 'report.body': {
      const d = drift(c, record.body);
      if (d) warnings.push(d);
      record.body = String(c.value);
      return;
    }
    case 'report.year': {
      const d = drift(c, record.year);
      if (d) warnings.push(d);
      record.year = Number(c.value);
    }
  }
}
