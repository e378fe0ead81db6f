/**
 * The arithmetic checks of a report record run again over its (possibly corrected) values: the same rule
 * instances the parser evaluated (the 2021 rules when the record has the （六） sub-rows, else the 2019 ones,
 * restricted to the cells the record has), then the section 一 cross-checks. Pure.
 */
import type { Check, ReportRecord } from '../model/report.ts';
import { evaluate } from '../validate/check.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import { equations, type Equation } from '../validate/rules.ts';

export function rulesFor(values: Record<string, number | null>): Equation[] {
  const template = Object.keys(values).some((c) => c.startsWith('s3.result.other.no_correction.')) ? 't2021' : 't2019';
  return equations(template).filter((e) => [...e.lhs, ...e.rhs].every((c) => c in values));
}

/** Checks in the parser's order, and the cells that failed error-level checks flag. */
export function recheck(record: Pick<ReportRecord, 'values' | 'texts'>): { checks: Check[]; flagged: Set<string> } {
  const { checks, flagged } = evaluate(record.values, rulesFor(record.values));
  return { checks: [...checks, ...narrativeChecks(record.texts.s1, record.values)], flagged };
}
