/**
 * Scores one parse output against its expected file (pure). A cell is correct, missing (null where a number
 * was expected) or wrong (a number ≠ expected); wrong and not flagged is a silent error. Cells expected null
 * (absent table, unrecoverable) are correct when null; a number there is wrong unless it is the true value
 * derived by a rule.
 */
import type { ParseOutput } from '../../src/model/report.ts';
import type { Expected } from './types.ts';

export type CellStatus = 'correct' | 'missing' | 'wrong';
export type CellClass = 'value' | 'inferable' | 'unrecoverable' | 'absent';

export interface CellOutcome {
  code: string;
  expected: number | null;
  got: number | null;
  status: CellStatus;
  silent: boolean;
  cls: CellClass;
}

export interface Counts {
  total: number;
  correct: number;
  missing: number;
  wrong: number;
  silent: number;
  /** Numbers the parser gave for codes the expected file does not have (another template, or not a report). */
  extra: number;
}

export interface DocScore {
  file: string;
  format: string;
  source: 'generated' | 'seed' | 'pre2019';
  template: string;
  damage: string[];
  cells: Counts;
  byClass: Record<CellClass, Counts>;
  /** null when the document has no such expectation (non-reports). */
  templateOk: boolean | null;
  yearOk: boolean | null;
  bodyOk: boolean | null;
  /** For expected errors: detected = some error; exact = same code. */
  error: { expected: string; got: string | null; detected: boolean; exact: boolean } | null;
  /** An error the parser reported on a document that is a report. */
  unexpectedError: string | null;
  ruleBreaks: { total: number; detected: number };
  outcomes: CellOutcome[];
  warnings: string[];
  got: { template: string | null; year: number | null; body: string | null };
}

export const emptyCounts = (): Counts => ({ total: 0, correct: 0, missing: 0, wrong: 0, silent: 0, extra: 0 });

export function addCounts(a: Counts, b: Counts): void {
  a.total += b.total; a.correct += b.correct; a.missing += b.missing; a.wrong += b.wrong; a.silent += b.silent; a.extra += b.extra;
}

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
}

const normBody = (s: string | null | undefined): string => (s ?? '').normalize('NFKC').replace(/\s+/g, '');

function classify(code: string, e: Expected, unrecoverable: Set<string>, inferable: Set<string>): CellClass {
  if (unrecoverable.has(code)) return 'unrecoverable';
  if (e.values[code] === null) return 'absent';
  return inferable.has(code) ? 'inferable' : 'value';
}

export function scoreDoc(e: Expected, out: ParseOutput, source: DocScore['source'] = 'generated'): DocScore {
  const unrecoverable = new Set(e.unrecoverable ?? []);
  const inferable = new Set(e.inferable ?? []);
  const flagged = new Set(out.flagged ?? []);
  const gotValues = out.values ?? {};
  const outcomes: CellOutcome[] = [];
  const byClass: Record<CellClass, Counts> = { value: emptyCounts(), inferable: emptyCounts(), unrecoverable: emptyCounts(), absent: emptyCounts() };
  const cells = emptyCounts();
  for (const [code, truth] of Object.entries(e.values)) {
    const cls = classify(code, e, unrecoverable, inferable);
    const raw = gotValues[code];
    const got = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    let status: CellStatus;
    if (cls === 'unrecoverable' || cls === 'absent') {
      const derivedTruth = got !== null && truth !== null && same(got, truth) && out.cells?.[code]?.source === 'derived';
      status = got === null || derivedTruth ? 'correct' : 'wrong';
    } else if (got === null) {
      status = 'missing';
    } else {
      status = same(got, truth as number) ? 'correct' : 'wrong';
    }
    const silent = status === 'wrong' && !flagged.has(code);
    outcomes.push({ code, expected: cls === 'unrecoverable' ? null : truth, got, status, silent, cls });
    for (const c of [cells, byClass[cls]]) {
      c.total++; c[status]++; if (silent) c.silent++;
    }
  }
  cells.extra = Object.entries(gotValues).filter(([c, v]) => !(c in e.values) && typeof v === 'number').length;
  const isReport = !e.error;
  const gotError = out.errorCode ?? (out.error ? 'error' : null);
  return {
    file: e.file,
    format: (e.file.split('.').pop() ?? '').toLowerCase(),
    source,
    template: e.template,
    damage: e.damage ?? [],
    cells, byClass,
    templateOk: isReport ? out.template === e.template : null,
    yearOk: isReport ? out.year === e.year : null,
    bodyOk: isReport ? normBody(out.body) === normBody(e.body) : null,
    error: e.error ? { expected: e.error, got: gotError, detected: gotError !== null, exact: gotError === e.error } : null,
    unexpectedError: isReport ? gotError : null,
    ruleBreaks: {
      total: e.rule_breaks?.length ?? 0,
      detected: (e.rule_breaks ?? []).filter((rb) => rb.cells.every((c) => flagged.has(c))).length,
    },
    outcomes,
    warnings: (out.warnings ?? []).map((w) => w.code),
    got: { template: out.template ?? null, year: out.year ?? null, body: out.body ?? null },
  };
}
