/**
 * Evidence the parser weighs beside a year's own tables: numbers quoted in the text (section 一, and section 三
 * printed as a list before its table), the body's neighbouring years, and printed numbers that contradict a
 * value the rules derived.
 */
import type { ReportRecord } from '../model/report.ts';
import { warn, type Message } from '../model/result.ts';
import { narrativeChecks } from '../validate/narrative.ts';
import type { crossYearEquations } from '../validate/cross-year.ts';
import type { Evidence } from './glued.ts';
import type { Row } from './rows.ts';

/**
 * A row left empty although it printed numbers (they could not be placed) and then filled by the rules: if
 * the numbers derived do not include the nonzero numbers printed, the source breaks a rule the derivation
 * relied on. Those derived cells are flagged, never trusted.
 */
export function contradictedDerivations(record: ReportRecord, unplaced: [string, number[]][], warnings: Message[]): string[] {
  const out: string[] = [];
  for (const [row, printed] of unplaced) {
    const derived = Object.keys(record.cells).filter((c) => (row === 's4' ? c.startsWith('s4.') : c.slice(0, c.lastIndexOf('.')) === row) && record.cells[c]!.source === 'derived');
    if (derived.length === 0) continue;
    const pool = derived.map((c) => record.values[c]);
    const missing = printed.filter((v) => v !== 0).filter((v) => {
      const i = pool.indexOf(v);
      if (i < 0) return true;
      pool.splice(i, 1);
      return false;
    });
    if (missing.length === 0) continue;
    out.push(...derived);
    warnings.push(warn('parse.derived_contradicted', `${row}: the rules give ${derived.map((c) => record.values[c]).join(' ')}, but the row prints ${missing.join(' ')}: flagged`, { cell: row }));
  }
  return out;
}

/** Evidence from outside the year's tables for glued digits: the numbers section 一 quotes, then the other years. */
export function outsideEvidence(s1: string | undefined, values: Map<string, number | null>, cross: ReturnType<typeof crossYearEquations>): Evidence[] {
  const out: Evidence[] = [];
  const quoted = narrativeChecks(s1, Object.fromEntries(values));
  if (quoted.length) {
    const consts = Object.fromEntries(quoted.map((c) => [`narr:${c.column}`, c.expected!]));
    out.push({ name: 'section 一', consts, eqs: quoted.map((c) => ({ rule: 'X.5', column: c.column!, lhs: [c.column!], rhs: [`narr:${c.column}`], severity: 'warning' as const })) });
  }
  if (cross.eqs.length) out.push({ name: `the ${[...new Set(cross.eqs.map((e) => e.rule))].join('/')} checks across years`, eqs: cross.eqs, consts: cross.consts });
  return out;
}

/** The sentences of section 三 (outside its table): some reports list the section's numbers before the table. */
export function s3Prose(rows: Row[], h: Partial<Record<number, number>>): string | undefined {
  if (h[3] === undefined) return undefined;
  const end = [h[4], h[5], h[6]].find((x) => x !== undefined && x > h[3]!) ?? rows.length;
  const lines = rows.slice(h[3] + 1, end).filter((r) => r.tableIndex === undefined && r.cells.length === 1 && /\d\s*件/.test(r.text));
  return lines.length ? lines.map((r) => r.text).join('\n') : undefined;
}

