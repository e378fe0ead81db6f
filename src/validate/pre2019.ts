/**
 * Checks of the 2008–2018 reports (`p.*` codes), where the report gives both sides:
 * - P.parts: a breakdown against its total (channels of applications, kinds of answers, reasons for refusal,
 *   closing, review and litigation outcomes, enquiry channels, staff). Parts that add up to more than the
 *   total fail; parts that add up to less fail only in the 统计表, which prints every part (an annex table
 *   or a narrative's 其中 may name some parts only: then the check is not assessable);
 * - P.channel: each proactive channel ≤ the total (the same item may go out on several channels, so the
 *   channels need not add up);
 * - P.cum: 历年累计 ≥ the year's figure;
 * - P.int: counts are whole numbers ≥ 0.
 * Cells of a failed check are flagged. The cross-year check (历年累计 of year N ≥ that of N−1) needs two
 * reports: `crossYearChecks` below, run by the store over the whole dataset.
 */
import { FIELD_BY_CODE } from '../model/codebook.ts';
import type { Check } from '../model/report.ts';

export const PART_GROUPS: { total: string; parts: string[] }[] = [
  { total: 'requests.received', parts: ['in_person', 'fax', 'email', 'online', 'mail', 'mail_or_fax', 'other'].map((c) => `requests.by_channel.${c}`) },
  { total: 'responses.total', parts: ['already_public', 'granted', 'partial', 'refused', 'not_this_agency', 'not_held', 'supplement', 'other_channel', 'other'].map((c) => `responses.${c}`) },
  { total: 'responses.refused', parts: ['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'].map((c) => `responses.refused_reason.${c}`) },
  { total: 'requests.closed', parts: ['requests.closed_on_time', 'requests.closed_extended'] },
  { total: 'review.count', parts: ['review.upheld', 'review.corrected', 'review.other'] },
  { total: 'litigation.count', parts: ['litigation.upheld', 'litigation.corrected', 'litigation.other'] },
  { total: 'consultations.count', parts: ['in_person', 'phone', 'online'].map((c) => `consultations.by_channel.${c}`) },
  { total: 'staff.total', parts: ['staff.full_time', 'staff.part_time'] },
];

const CHANNELS = ['website', 'gazette', 'weibo', 'weixin', 'other'].map((c) => `proactive.by_channel.${c}`);

export interface PreCheckInput {
  values: Record<string, number | null>;
  /** Codes whose value was read from a table. */
  fromTable: Set<string>;
  /** The document has the national 统计表, which prints every part of each breakdown. */
  statTable?: boolean;
}

export function preChecks({ values, fromTable, statTable = false }: PreCheckInput): { checks: Check[]; flagged: Set<string> } {
  const checks: Check[] = [];
  const flagged = new Set<string>();
  const fail = (c: Check) => {
    checks.push(c);
    if (c.status === 'fail') c.cells.forEach((x) => flagged.add(x));
  };
  for (const prefix of ['p.', 'p.cum.']) {
    for (const g of PART_GROUPS) {
      const total = `${prefix}${g.total}`;
      const parts = g.parts.map((p) => `${prefix}${p}`).filter((p) => p in values);
      const known = parts.filter((p) => values[p] != null);
      if (values[total] == null || known.length === 0) continue;
      const sum = known.reduce((a, p) => a + values[p]!, 0);
      // The 统计表 prints every part; an annex table or a narrative's 其中 may name only some.
      const complete = statTable && known.length >= 2 && fromTable.has(total) && known.every((p) => fromTable.has(p));
      const status = sum === values[total] ? 'pass' : sum > values[total]! || complete ? 'fail' : 'not_assessable';
      fail({ rule: 'P.parts', column: total, status, expected: values[total], actual: round(sum), cells: [total, ...known] });
    }
    const total = `${prefix}proactive.total`;
    for (const ch of CHANNELS.map((c) => `${prefix}${c}`)) {
      if (values[total] == null || values[ch] == null) continue;
      fail({ rule: 'P.channel', column: ch, status: values[ch]! <= values[total]! ? 'pass' : 'fail', expected: values[total], actual: values[ch], cells: [total, ch] });
    }
  }
  for (const [code, v] of Object.entries(values)) {
    if (!code.startsWith('p.cum.') || v == null) continue;
    const year = `p.${code.slice(6)}`;
    if (values[year] == null) continue;
    fail({ rule: 'P.cum', column: year, status: v >= values[year]! ? 'pass' : 'fail', expected: values[year], actual: v, cells: [year, code] });
  }
  const bad = Object.entries(values).filter(([c, v]) => v != null && (v < 0 || (FIELD_BY_CODE.get(c)?.type !== 'decimal' && !Number.isInteger(v)))).map(([c]) => c);
  fail({ rule: 'P.int', column: 'p', status: bad.length ? 'fail' : 'pass', cells: bad });
  return { checks, flagged };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export interface YearValues {
  year: number;
  values: Record<string, number | null>;
}

/**
 * 历年累计 of year N ≥ that of the nearest earlier year of the same body. Returns one check per `p.cum.*` code
 * both years give, for the later report.
 */
export function crossYearChecks(earlier: YearValues, later: YearValues): Check[] {
  const out: Check[] = [];
  for (const [code, v] of Object.entries(later.values)) {
    if (!code.startsWith('p.cum.') || v == null) continue;
    const before = earlier.values[code];
    if (before == null) continue;
    out.push({ rule: 'P.cum_years', column: code, status: v >= before ? 'pass' : 'fail', expected: before, actual: v, cells: [code] });
  }
  return out;
}
