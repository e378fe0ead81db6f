/**
 * The arithmetic checks of a report record run again over its (possibly corrected) values: the same rule
 * instances the parser evaluated (the 2021 rules when the record has the （六） sub-rows, else the 2019 ones,
 * restricted to the cells the record has), then the section 一 cross-checks and the checks across years (X.1,
 * X.2) when the record carries its neighbouring years; for a 2008–2018 report (p2008) its own checks
 * (breakdowns, channels, 历年累计, whole counts), the table-against-narrative checks kept as the parser made
 * them. Pure.
 */
import type { Check, ReportRecord } from '../model/report.ts';
import { evaluate } from '../validate/check.ts';
import { crossYearChecks } from '../validate/cross-year.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import { preChecks } from '../validate/pre2019.ts';
import { equations, type Equation } from '../validate/rules.ts';

export function rulesFor(values: Record<string, number | null>): Equation[] {
  const template = Object.keys(values).some((c) => c.startsWith('s3.result.other.no_correction.')) ? 't2021' : 't2019';
  return equations(template).filter((e) => [...e.lhs, ...e.rhs].every((c) => c in values));
}

type Rechecked = Pick<ReportRecord, 'values' | 'texts'> & Partial<Pick<ReportRecord, 'template' | 'checks' | 'crossYear'>>;

export interface Rechecks {
  checks: Check[];
  flagged: Set<string>;
  /** The cells failed checks across years (X.1, X.2) flag. */
  cross: Set<string>;
}

/**
 * p2008: a breakdown the parser judged complete (the 统计表 prints every part, so a sum short of its total
 * failed) stays judged so; the other checks follow the values.
 */
function recheckPre2019(record: Rechecked): Rechecks {
  const prior = record.checks ?? [];
  const complete = new Set(prior.filter((c) => c.rule === 'P.parts' && c.status === 'fail' && (c.actual ?? 0) < (c.expected ?? 0)).map((c) => c.column));
  const { checks, flagged } = preChecks({ values: record.values, fromTable: new Set(), statTable: false });
  for (const c of checks) {
    if (c.rule !== 'P.parts' || c.status !== 'not_assessable' || !complete.has(c.column)) continue;
    c.status = 'fail';
    c.cells.forEach((x) => flagged.add(x));
  }
  return { checks: [...prior.filter((c) => c.rule === 'P.table_text'), ...checks], flagged, cross: new Set() };
}

/** Checks in the parser's order, and the cells that failed error-level checks flag. */
export function recheck(record: Rechecked): Rechecks {
  if (record.template === 'p2008') return recheckPre2019(record);
  const { checks, flagged } = evaluate(record.values, rulesFor(record.values));
  const years = crossYearChecks(record.values, record.crossYear);
  return { checks: [...checks, ...quoted(record), ...years.checks], flagged, cross: years.flagged };
}

/**
 * The X.5 checks (numbers the text quotes): the parser's own, re-evaluated against the values (they may come
 * from section 三's sentences too, which are not kept), else read again from section 一.
 */
function quoted(record: Rechecked): Check[] {
  const before = record.checks?.filter((c) => c.rule === 'X.5');
  if (!before?.length) return narrativeChecks(record.texts.s1, record.values);
  return before.map((c) => {
    const table = record.values[c.cells[0]!] ?? null;
    return { ...c, actual: table, status: table === null ? 'not_assessable' : table === c.expected ? 'pass' : 'fail' };
  });
}
