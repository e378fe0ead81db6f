/**
 * True values for one report: realistic magnitudes per kind of body (townships mostly zeros, counties
 * hundreds, cities thousands) that satisfy R3.1–R3.3 and R4.1–R4.3 by construction, plus the optional
 * deliberate rule break (the printed numbers then disagree, and the expected file lists the failed checks).
 */
import { S3_COLUMNS, codesFor, type TemplateId } from '../../src/model/codebook.ts';
import type { Rng } from './prng.ts';
import { S4_GROUPS, S4_PARTS, cellsOf, failingChecks, s3ResultParts, s3Rows } from './rules.ts';
import type { Level, RuleBreak } from './types.ts';

export type Values = Record<string, number | null>;

/** Splits `total` into parts proportional to `weights` (random rounding; exact sum). */
export function splitInt(rng: Rng, total: number, weights: number[]): number[] {
  const out = weights.map(() => 0);
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total <= 0 || sum <= 0) return out;
  if (total <= 12) {
    for (let i = 0; i < total; i++) out[rng.weighted(weights.map((w, j) => [j, w] as const))]! += 1;
    return out;
  }
  let used = 0;
  weights.forEach((w, i) => { out[i] = Math.floor((total * w) / sum); used += out[i]!; });
  for (let i = used; i < total; i++) out[rng.weighted(weights.map((w, j) => [j, w] as const))]! += 1;
  return out;
}

/** Total applications by level (new this year, all applicant kinds). */
function applications(rng: Rng, level: Level): number {
  switch (level) {
    case 'township': case 'street': return rng.chance(0.65) ? 0 : rng.int(1, 6);
    case 'department': return rng.chance(0.3) ? 0 : rng.int(1, 45);
    case 'county': case 'district': return rng.int(15, 420);
    case 'city': return rng.int(300, 3800);
  }
}

const COLUMN_WEIGHTS = [0.86, 0.07, 0.004, 0.006, 0.03, 0.03];

const RESULT_WEIGHTS: Record<string, number> = {
  'result.granted': 0.42, 'result.partial': 0.08,
  'result.withheld.state_secret': 0.003, 'result.withheld.law_prohibited': 0.01, 'result.withheld.security_stability': 0.003,
  'result.withheld.third_party': 0.012, 'result.withheld.internal_affairs': 0.01, 'result.withheld.process_info': 0.02,
  'result.withheld.enforcement_file': 0.006, 'result.withheld.admin_query': 0.05,
  'result.unable.not_held': 0.2, 'result.unable.needs_creation': 0.03, 'result.unable.unclear': 0.02,
  'result.not_processed.petition': 0.03, 'result.not_processed.duplicate': 0.02, 'result.not_processed.publication': 0.005,
  'result.not_processed.excessive': 0.006, 'result.not_processed.confirm_reissue': 0.006,
  'result.other.no_correction': 0.02, 'result.other.fee_unpaid': 0.002, 'result.other.misc': 0.02, 'result.other.total': 0.04,
};

function section3(rng: Rng, level: Level, template: TemplateId, v: Values): void {
  const cols = S3_COLUMNS.filter((c) => c !== 'total');
  const colWeights = COLUMN_WEIGHTS.map((w) => w * (0.3 + rng.next() * 1.4));
  const newBy = splitInt(rng, applications(rng, level), colWeights);
  const carriedIn: number[] = newBy.map((n) => (n > 3 && rng.chance(0.6) ? rng.int(0, Math.ceil(n * 0.08)) : 0));
  const carriedOut: number[] = newBy.map((n, i) => (n + carriedIn[i]! > 3 && rng.chance(0.6) ? rng.int(0, Math.ceil((n + carriedIn[i]!) * 0.08)) : 0));
  const parts = s3ResultParts(template);
  const always = ['result.granted', 'result.unable.not_held'];
  const rowWeights: number[] = parts.map((r) => (!always.includes(r) && rng.chance(0.3) ? 0 : (RESULT_WEIGHTS[r] ?? 0.01) * (0.3 + rng.next() * 1.4)));
  if (!rowWeights.some((w) => w > 0)) rowWeights[0] = 1;
  const put = (row: string, byCol: number[]): void => {
    cols.forEach((c, i) => { v[`s3.${row}.${c}`] = byCol[i]!; });
    v[`s3.${row}.total`] = byCol.reduce((s, x) => s + x, 0);
  };
  put('new', newBy);
  put('carried_in', carriedIn);
  put('carried_out', carriedOut);
  const handled = newBy.map((n, i) => n + carriedIn[i]! - carriedOut[i]!);
  put('result.total', handled);
  const grid = parts.map(() => cols.map(() => 0));
  handled.forEach((h, ci) => {
    splitInt(rng, h, rowWeights.map((w) => w * (0.5 + rng.next()))).forEach((x, ri) => { grid[ri]![ci] = x; });
  });
  parts.forEach((r, ri) => put(r, grid[ri]!));
}

function section4(rng: Rng, level: Level, v: Values): void {
  const scale = level === 'city' ? 40 : level === 'county' || level === 'district' ? 8 : level === 'department' ? 3 : 0;
  const busy = scale > 0 && rng.chance(level === 'department' ? 0.4 : 0.8);
  for (const g of S4_GROUPS) {
    const total = busy ? rng.int(0, g === 'review' ? scale : Math.ceil(scale / 2)) : level === 'township' && rng.chance(0.05) ? 1 : 0;
    const parts = splitInt(rng, total, [0.6, 0.15, 0.12, 0.13].map((w) => w * (0.3 + rng.next())));
    S4_PARTS.forEach((p, i) => { v[`s4.${g}.${p}`] = parts[i]!; });
    v[`s4.${g}.total`] = total;
  }
}

/** A money amount with a fixed number of decimals (万元 fees, 元 procurement). */
function money(rng: Rng, max: number, decimals: number): number {
  const x = rng.next() ** 2 * max;
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

function scaleOf(level: Level): number {
  return { township: 1, street: 1, department: 6, county: 30, district: 30, city: 300 }[level];
}

function section2(rng: Rng, level: Level, template: TemplateId, v: Values, feeDecimals: number): void {
  const k = scaleOf(level);
  const some = (max: number, pZero = 0.4): number => (rng.chance(pZero) ? 0 : rng.int(0, Math.max(1, Math.round(max))));
  const city = level === 'city';
  const inForce = (issued: number, base: number): number => issued + (base > 0 ? rng.int(0, base) : 0);
  v['s2.licensing.decisions'] = some(k * 900, level === 'township' ? 0.6 : 0.1);
  v['s2.penalty.decisions'] = some(level === 'city' ? 400000 : k * 300, level === 'township' ? 0.7 : 0.1);
  v['s2.coercion.decisions'] = some(k * 20, 0.5);
  if (template === 't2019') {
    for (const row of ['rules', 'normative'] as const) {
      const made = row === 'rules' ? (city ? some(5, 0.3) : 0) : some(k * 0.6, 0.4);
      const published = Math.max(0, made - (rng.chance(0.2) ? rng.int(0, made) : 0));
      v[`s2.${row}.new_made`] = made;
      v[`s2.${row}.new_published`] = published;
      v[`s2.${row}.total_published`] = row === 'rules' && !city ? 0 : inForce(published, Math.round(k * 5));
    }
    for (const row of ['licensing', 'other_services', 'penalty', 'coercion', 'fees'] as const) {
      const prev = some(row === 'penalty' ? k * 60 : k * 12, level === 'township' ? 0.6 : 0.1);
      v[`s2.${row}.items_prev`] = prev;
      v[`s2.${row}.items_delta`] = rng.chance(0.45) ? 0 : rng.int(-Math.min(prev, 3 + Math.round(k / 3)), 3 + Math.round(k / 3));
    }
    v['s2.other_services.decisions'] = some(k * 400, 0.3);
    v['s2.procurement.projects'] = some(k * 4, level === 'township' ? 0.7 : 0.2);
    v['s2.procurement.amount'] = v['s2.procurement.projects'] === 0 ? 0 : money(rng, k * 4e6, rng.chance(0.4) ? 2 : 0) + 1000;
  } else {
    for (const row of ['rules', 'normative'] as const) {
      const issued = row === 'rules' ? (city ? some(4, 0.4) : 0) : some(k * 0.5, 0.45);
      v[`s2.${row}.issued`] = issued;
      v[`s2.${row}.repealed`] = issued === 0 && rng.chance(0.6) ? 0 : some(k * 0.3, 0.5);
      v[`s2.${row}.in_force`] = row === 'rules' && !city ? 0 : inForce(issued, Math.round(k * 3));
    }
    v['s2.fees.amount'] = level === 'township' || level === 'street' || rng.chance(0.2) ? 0 : money(rng, k * 500, feeDecimals);
  }
}

export interface ValueOptions {
  level: Level;
  template: TemplateId;
  /** Decimals printed for the 2021 fee amount (万元). */
  feeDecimals: number;
}

/** Values for every code of the template, satisfying every rule. */
export function generateValues(rng: Rng, opts: ValueOptions): Values {
  const v: Values = {};
  section2(rng, opts.level, opts.template, v, opts.feeDecimals);
  section3(rng, opts.level, opts.template, v);
  section4(rng, opts.level, v);
  const out: Values = {};
  for (const code of codesFor(opts.template)) {
    if (!(code in v)) throw new Error(`generator left ${code} unset`);
    out[code] = v[code]!;
  }
  return out;
}

/**
 * Breaks one rule on purpose (a report's own arithmetic mistake): a section 四 part without its total
 * (洪泽 2023 style), an s3 row total off by a few, or a carried-over cell off in one column.
 * Returns the failed checks of the printed values.
 */
export function breakRule(rng: Rng, template: TemplateId, v: Values): RuleBreak[] {
  const kind = rng.pick(['s4_total', 's3_row_total', 's3_carried'] as const);
  const bump = (code: string, d: number): void => {
    const x = v[code] ?? 0;
    v[code] = x + d >= 0 ? x + d : x + Math.abs(d);
  };
  if (kind === 's4_total') {
    const g = rng.pick(S4_GROUPS);
    bump(`s4.${g}.${rng.pick(S4_PARTS)}`, rng.int(1, 6));
  } else if (kind === 's3_row_total') {
    const row = rng.pick(s3Rows(template));
    bump(`s3.${row}.total`, rng.pick([-1, 1, 2, 10]));
  } else {
    const c = rng.pick(S3_COLUMNS.filter((x) => x !== 'total'));
    const d = rng.int(1, 4);
    bump(`s3.carried_out.${c}`, d);
    bump('s3.carried_out.total', d);
  }
  return failingChecks(template, v).map((eq) => ({ rule: eq.rule, cells: cellsOf(eq) }));
}
