/**
 * The arithmetic rules of TEMPLATES.md §6 (R3.1–R3.3, R4.1–R4.3) as linear equations over field codes, a
 * checker, and a propagation solver that says which hidden cells the rules force (the generator's own small
 * copy: it must not depend on the parser it measures).
 */
import { S3_COLUMNS, type TemplateId } from '../../src/model/codebook.ts';

/** sum(plus) = sum(minus). */
export interface Equation {
  rule: string;
  /** The column (R3.1, R3.2) or row (R3.3, R4.x) the equation is about. */
  about: string;
  plus: string[];
  minus: string[];
}

const WITHHELD = ['state_secret', 'law_prohibited', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'admin_query'];
const UNABLE = ['not_held', 'needs_creation', 'unclear'];
const NOT_PROCESSED = ['petition', 'duplicate', 'publication', 'excessive', 'confirm_reissue'];
const OTHER_2021 = ['no_correction', 'fee_unpaid', 'misc'];
export const S4_GROUPS = ['review', 'litigation.direct', 'litigation.after_review'] as const;
export const S4_PARTS = ['upheld', 'corrected', 'other', 'pending'] as const;

/** The s3 row codes of a template, top to bottom. */
export function s3Rows(template: TemplateId): string[] {
  const other = template === 't2021' ? OTHER_2021.map((r) => `result.other.${r}`) : ['result.other.total'];
  return [
    'new', 'carried_in', 'result.granted', 'result.partial',
    ...WITHHELD.map((r) => `result.withheld.${r}`), ...UNABLE.map((r) => `result.unable.${r}`),
    ...NOT_PROCESSED.map((r) => `result.not_processed.${r}`), ...other, 'result.total', 'carried_out',
  ];
}

/** The s3 rows that add up to `result.total`. */
export function s3ResultParts(template: TemplateId): string[] {
  return s3Rows(template).filter((r) => r.startsWith('result.') && r !== 'result.total');
}

export function equationsFor(template: TemplateId): Equation[] {
  if (template !== 't2021' && template !== 't2019' && template !== 'hybrid') return [];
  const eqs: Equation[] = [];
  const parts = s3ResultParts(template);
  for (const c of S3_COLUMNS) {
    eqs.push({ rule: 'R3.1', about: c, plus: [`s3.new.${c}`, `s3.carried_in.${c}`], minus: [`s3.result.total.${c}`, `s3.carried_out.${c}`] });
    eqs.push({ rule: 'R3.2', about: c, plus: [`s3.result.total.${c}`], minus: parts.map((r) => `s3.${r}.${c}`) });
  }
  for (const r of s3Rows(template)) {
    eqs.push({ rule: 'R3.3', about: r, plus: [`s3.${r}.total`], minus: S3_COLUMNS.filter((c) => c !== 'total').map((c) => `s3.${r}.${c}`) });
  }
  S4_GROUPS.forEach((g, i) => {
    eqs.push({ rule: `R4.${i + 1}`, about: g, plus: [`s4.${g}.total`], minus: S4_PARTS.map((p) => `s4.${g}.${p}`) });
  });
  return eqs;
}

export function cellsOf(eq: Equation): string[] {
  return [...eq.plus, ...eq.minus];
}

function residual(eq: Equation, v: Record<string, number | null | undefined>): number | null {
  let s = 0;
  for (const c of eq.plus) { const x = v[c]; if (x == null) return null; s += x; }
  for (const c of eq.minus) { const x = v[c]; if (x == null) return null; s -= x; }
  return s;
}

/** Equations whose cells are all known and do not add up. */
export function failingChecks(template: TemplateId, values: Record<string, number | null>): Equation[] {
  return equationsFor(template).filter((eq) => { const r = residual(eq, values); return r !== null && r !== 0; });
}

/** The pseudo code of an extra printed 法人或其他组织 subtotal cell (not a field; it only feeds the solver). */
export const subtotalCode = (row: string): string => `s3.${row}.legal_subtotal`;

/** Equations of printed subtotal cells: subtotal = the five organisation columns. */
function subtotalEquations(template: TemplateId, values: Record<string, number | null>): Equation[] {
  return s3Rows(template).filter((r) => subtotalCode(r) in values).map((r) => ({
    rule: 'subtotal', about: r, plus: [subtotalCode(r)], minus: S3_COLUMNS.slice(1, 6).map((c) => `s3.${r}.${c}`),
  }));
}

/**
 * Which of the `hidden` cells the rules force, given every other cell's value: repeated single-unknown
 * solving plus "a total of zero forces its non-negative parts to zero". Returns the forced values.
 */
export function forcedCells(template: TemplateId, values: Record<string, number | null>, hidden: Iterable<string>): Map<string, number> {
  const unknown = new Set(hidden);
  const known: Record<string, number | null> = { ...values };
  for (const c of unknown) known[c] = null;
  const forced = new Map<string, number>();
  const eqs = [...equationsFor(template), ...subtotalEquations(template, values)];
  const setValue = (c: string, x: number): void => { known[c] = x; unknown.delete(c); forced.set(c, x); };
  let progress = true;
  while (progress && unknown.size > 0) {
    progress = false;
    for (const eq of eqs) {
      const signed = [...eq.plus.map((c) => [c, 1] as const), ...eq.minus.map((c) => [c, -1] as const)];
      const open = signed.filter(([c]) => unknown.has(c));
      if (open.length === 0) continue;
      if (signed.some(([c]) => !unknown.has(c) && known[c] == null)) continue; // a cell outside the template or absent
      const rest = signed.reduce((s, [c, k]) => (unknown.has(c) ? s : s + k * (known[c] as number)), 0);
      if (open.length === 1) {
        const [c, k] = open[0]!;
        const x = -rest / k;
        if (Number.isInteger(x) && x >= 0) { setValue(c, x); progress = true; }
      } else if (rest === 0 && open.every(([, k]) => k === open[0]![1])) {
        for (const [c] of open) setValue(c, 0);
        progress = true;
      }
    }
  }
  return forced;
}
