/**
 * The arithmetic checks of a report record run again over its (possibly corrected) values: the same rule
 * instances the parser evaluated (the 2021 rules when the record has the （六） sub-rows, else the 2019 ones,
 * restricted to the cells the record has), then the section 一 cross-checks; for a 2008–2018 report (p2008)
 * its own checks (breakdowns, channels, 历年累计, whole counts), the table-against-narrative checks kept as the
 * parser made them. Pure.
 */
import type { Check, ReportRecord } from '../model/report.ts';
import { evaluate } from '../validate/check.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import { preChecks } from '../validate/pre2019.ts';
import { equations, type Equation } from '../validate/rules.ts';

export function rulesFor(values: Record<string, number | null>): Equation[] {
  const template = Object.keys(values).some((c) => c.startsWith('s3.result.other.no_correction.')) ? 't2021' : 't2019';
  return equations(template).filter((e) => [...e.lhs, ...e.rhs].every((c) => c in values));
}

type Rechecked = Pick<ReportRecord, 'values' | 'texts'> & Partial<Pick<ReportRecord, 'template' | 'checks'>>;

/**
 * p2008: a breakdown the parser judged complete (the 统计表 prints every part, so a sum short of its total
 * failed) stays judged so; the other checks follow the values.
 */
function recheckPre2019(record: Rechecked): { checks: Check[]; flagged: Set<string> } {
  const prior = record.checks ?? [];
  const complete = new Set(prior.filter((c) => c.rule === 'P.parts' && c.status === 'fail' && (c.actual ?? 0) < (c.expected ?? 0)).map((c) => c.column));
  const { checks, flagged } = preChecks({ values: record.values, fromTable: new Set(), statTable: false });
  for (const c of checks) {
    if (c.rule !== 'P.parts' || c.status !== 'not_assessable' || !complete.has(c.column)) continue;
    c.status = 'fail';
    c.cells.forEach((x) => flagged.add(x));
  }
  return { checks: [...prior.filter((c) => c.rule === 'P.table_text'), ...checks], flagged };
}

/** Checks in the parser's order, and the cells that failed error-level checks flag. */
export function recheck(record: Rechecked): { checks: Check[]; flagged: Set<string> } {
  if (record.template === 'p2008') return recheckPre2019(record);
  const { checks, flagged } = evaluate(record.values, rulesFor(record.values));
  return { checks: [...checks, ...narrativeChecks(record.texts.s1, record.values)], flagged };
}
