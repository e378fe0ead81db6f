/**
 * The templates' arithmetic (勾稽关系, TEMPLATES.md §6) as data: each rule instance says
 * sum(lhs) = sum(rhs) over cell codes. One evaluator (check.ts) and one solver (solve.ts) read them.
 */
import { S3_COLUMNS, type TemplateId } from '../model/codebook.ts';

export interface Equation {
  rule: string;
  /** The section 三 column or section 四 group the instance is about. */
  column: string;
  lhs: string[];
  rhs: string[];
  severity: 'error' | 'warning';
}

export const RULE_TEXT: Record<string, string> = {
  'R3.1': 'new + carried_in = result.total + carried_out (each column)',
  'R3.2': 'result.total = sum of every result row (each column)',
  'R3.3': 'total = natural_person + the five organisation columns (each row)',
  'R3.4': '2021: result.other.total = no_correction + fee_unpaid + misc (derived, not printed)',
  'R4.1': 's4.review.total = upheld + corrected + other + pending',
  'R4.2': 's4.litigation.direct.total = upheld + corrected + other + pending',
  'R4.3': 's4.litigation.after_review.total = upheld + corrected + other + pending',
  'R.int': 'counts are whole numbers ≥ 0 (items_delta may be negative; money may have decimals)',
  'X.1': 'carried_in (this year) = carried_out (the year before), each column; the column names the other year',
  'X.2': '2021: in_force + repealed (this year) = in_force (the year before) + issued (this year)',
  'X.4': '2019: new_published ≤ total_published',
  'X.5': 'numbers quoted in section 一 match the table',
};

const WITHHELD = ['state_secret', 'law_prohibited', 'security_stability', 'third_party', 'internal_affairs', 'process_info', 'enforcement_file', 'admin_query'].map((r) => `result.withheld.${r}`);
const UNABLE = ['not_held', 'needs_creation', 'unclear'].map((r) => `result.unable.${r}`);
const NOT_PROCESSED = ['petition', 'duplicate', 'publication', 'excessive', 'confirm_reissue'].map((r) => `result.not_processed.${r}`);
export const OTHER_SUBROWS = ['result.other.no_correction', 'result.other.fee_unpaid', 'result.other.misc'];

/** Section 三 row codes printed by a template, in order. */
export function s3Rows(template: TemplateId): string[] {
  const other = template === 't2021' ? OTHER_SUBROWS : ['result.other.total'];
  return ['new', 'carried_in', 'result.granted', 'result.partial', ...WITHHELD, ...UNABLE, ...NOT_PROCESSED, ...other, 'result.total', 'carried_out'];
}

const CACHE = new Map<TemplateId, readonly Equation[]>();

/** The rule instances of a template (built once; callers must not modify them). */
export function equations(template: TemplateId): readonly Equation[] {
  let eqs = CACHE.get(template);
  if (!eqs) CACHE.set(template, (eqs = Object.freeze(buildEquations(template))));
  return eqs;
}

function buildEquations(template: TemplateId): Equation[] {
  if (template === 'free_form' || template === 'unknown' || template === 'p2008') return [];
  const out: Equation[] = [];
  const rows = s3Rows(template);
  const resultParts = rows.filter((r) => r.startsWith('result.') && r !== 'result.total');
  for (const c of S3_COLUMNS) {
    const at = (r: string) => `s3.${r}.${c}`;
    out.push({ rule: 'R3.1', column: c, lhs: [at('new'), at('carried_in')], rhs: [at('result.total'), at('carried_out')], severity: 'error' });
    out.push({ rule: 'R3.2', column: c, lhs: [at('result.total')], rhs: resultParts.map(at), severity: 'error' });
  }
  for (const r of rows) {
    const at = (c: string) => `s3.${r}.${c}`;
    out.push({ rule: 'R3.3', column: r, lhs: [at('total')], rhs: S3_COLUMNS.filter((c) => c !== 'total').map(at), severity: 'error' });
  }
  const groups: [string, string][] = [['R4.1', 'review'], ['R4.2', 'litigation.direct'], ['R4.3', 'litigation.after_review']];
  for (const [rule, g] of groups) {
    out.push({ rule, column: g, lhs: [`s4.${g}.total`], rhs: ['upheld', 'corrected', 'other', 'pending'].map((x) => `s4.${g}.${x}`), severity: 'error' });
  }
  return out;
}
