/**
 * The `p.*` codebook of the 2008–2018 reports (the 2007 条例, before the national templates): one row per
 * indicator in data/codebook/pre2019.csv (a copy of spec/pre2019/codes.csv with English labels, units,
 * Stata names and the 历年累计 twins `p.cum.*` of every flow count). The phrasings are the wordings seen in
 * real reports, kept for researchers; the reader's patterns live in src/parse/pre2019/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

export interface PreField {
  code: string;
  labelZh: string;
  labelEn: string;
  /** 条, 件, 次, 篇, 人次, 人, 个, 元 or 万元 (a 万元 figure is kept as printed, never converted). */
  unit: string;
  unitEn: string;
  /** ≤ 32 characters, [A-Za-z][A-Za-z0-9_]*, unique and stable (Stata / R variable names). */
  stataName: string;
  type: 'count' | 'decimal';
  /** proactive, response, requests, responses, fees, review_litigation, appeals, consultations, … */
  group: string;
  /** 本年度 (the year's figure) or 历年累计 (cumulative over the years, `p.cum.*`). */
  columnLabel: string;
  phrasings: string[];
}

const CSV_PATH = fileURLToPath(new URL('../../data/codebook/pre2019.csv', import.meta.url));

interface Row {
  code: string; label_zh: string; label_en: string; unit: string; unit_en: string; stata_name: string;
  type: string; group: string; column_label: string; phrasings: string;
}

function load(): PreField[] {
  const rows = parse(readFileSync(CSV_PATH, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as Row[];
  return rows.map((r) => ({
    code: r.code, labelZh: r.label_zh, labelEn: r.label_en, unit: r.unit, unitEn: r.unit_en, stataName: r.stata_name,
    type: r.type === 'decimal' ? 'decimal' : 'count', group: r.group, columnLabel: r.column_label,
    phrasings: r.phrasings ? r.phrasings.split('|') : [],
  }));
}

export const PRE2019_FIELDS: readonly PreField[] = load();

/** `p.cum.requests.received` → `p.requests.received`; null for a yearly code. */
export function yearlyTwin(code: string): string | null {
  return code.startsWith('p.cum.') ? `p.${code.slice(6)}` : null;
}

/** `p.requests.received` → `p.cum.requests.received` when the codebook has that twin. */
export function cumulativeTwin(code: string): string | null {
  const twin = `p.cum.${code.slice(2)}`;
  return PRE2019_CODES.has(twin) ? twin : null;
}

export const PRE2019_CODES: ReadonlySet<string> = new Set(PRE2019_FIELDS.map((f) => f.code));
