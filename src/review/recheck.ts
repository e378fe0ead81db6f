/**
 * The arithmetic checks of a report record run again over its (possibly corrected) values: the same rule
 * instances the parser evaluated (the 2021 rules when the record has the （六） sub-rows, else the 2019 ones,
 * restricted to the cells the record has), then the section 一 cross-checks. Pure.
 */
import type { Check, ReportRecord } from '../model/report.ts';
import { evaluate } from '../validate/check.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import { crossYearChecks } from '../validate/cross-year.ts';
import { equations, type Equation } from '../validate/rules.ts';

export function rulesFor(values: Record<string, number | null>): Equation[] {
  const template = Object.keys(values).some((c) => c.startsWith('s3.result.other.no_correction.')) ? 't2021' : 't2019';
  return equations(template).filter((e) => [...e.lhs, ...e.rhs].every((c) => c in values));
}

/**
 * Checks in the parser's order, and the cells that failed error-level checks flag; `cross`: the cells failed
 * checks across years (X.1, X.2) flag, when the record carries them.
 */
export function recheck(record: Pick<ReportRecord, 'values' | 'texts' | 'crossYear'> & { checks?: Check[] }): { checks: Check[]; flagged: Set<string>; cross: Set<string> } {
  const { checks, flagged } = evaluate(record.values, rulesFor(record.values));
  const years = crossYearChecks(record.values, record.crossYear);
  return { checks: [...checks, ...quoted(record), ...years.checks], flagged, cross: years.flagged };
}

/**
 * The X.5 checks (numbers the text quotes): the parser's own, re-evaluated against the values (they may come
 * from section 三's sentences too, which are not kept), else read again from section 一.
 */
function quoted(record: Pick<ReportRecord, 'values' | 'texts'> & { checks?: Check[] }): Check[] {
  const before = record.checks?.filter((c) => c.rule === 'X.5');
  if (!before?.length) return narrativeChecks(record.texts.s1, record.values);
  return before.map((c) => {
    const table = record.values[c.cells[0]!] ?? null;
    return { ...c, actual: table, status: table === null ? 'not_assessable' : table === c.expected ? 'pass' : 'fail' };
  });
}
