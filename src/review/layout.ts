/**
 * The report page's tables laid out like the national templates (TEMPLATES.md §3–5), built from the codebook
 * for the cells a report has: section 二 as its blocks (第二十条第（N）项, 信息内容 × columns), section 三 as
 * rows of labels (spanning like the printed form) × the seven applicant columns, section 四 as one row of 15
 * cells under two header rows. Codes outside the codebook go to a last plain table. Pure.
 */
import { FIELDS, type Field } from '../model/codebook.ts';

export interface HeadCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface LayoutRow {
  /** Label cells that start on this row (spans as printed). */
  labels: HeadCell[];
  /** One code per value column (null: the template prints nothing there). */
  codes: (string | null)[];
}

export interface LayoutTable {
  section: '二' | '三' | '四' | '';
  caption: string;
  head: HeadCell[][];
  rows: LayoutRow[];
}

const cell = (text: string, colSpan = 1, rowSpan = 1): HeadCell => ({ text, colSpan, rowSpan });

/** Official label without the codebook's notes: 「本年处理决定数量 (t2019: 处理决定数量)」 → the template's own. */
export function printedLabel(label: string, template: string): string {
  const m = /^(.*?)\s+\((t2019|t2021): ([^)]*)\)$/.exec(label);
  if (m) return m[2] === template ? m[3]! : m[1]!;
  return label.replace(/\s+\([^)]*\)$/, '');
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function section2(fields: Field[], template: string): LayoutTable[] {
  return unique(fields.map((f) => f.group)).map((group) => {
    const fs = fields.filter((f) => f.group === group);
    const cols = unique(fs.map((f) => f.columnLabel));
    const rows = unique(fs.map((f) => f.rowLabel)).map((row) => ({
      labels: [cell(row)],
      codes: cols.map((c) => fs.find((f) => f.rowLabel === row && f.columnLabel === c)?.code ?? null),
    }));
    return { section: '二' as const, caption: group, head: [[cell('信息内容'), ...cols.map((c) => cell(printedLabel(c, template)))]], rows };
  });
}

function section3(fields: Field[], template: string): LayoutTable {
  const cols = unique(fields.map((f) => f.columnLabel));
  const keys = unique(fields.map((f) => `${f.group}\u0000${f.rowLabel}`));
  const parts = keys.map((k) => {
    const [group, row] = k.split('\u0000') as [string, string];
    return [...group.split(' / ').filter(Boolean), printedLabel(row, template)];
  });
  // A group label (every part but the last) spans the consecutive rows under the same groups; the row's own
  // label fills the remaining label columns.
  const under = (j: number, p: string[], level: number): boolean => {
    const q = parts[j];
    return q !== undefined && q.length > level + 1 && q.slice(0, level + 1).join('/') === p.slice(0, level + 1).join('/');
  };
  const rows: LayoutRow[] = keys.map((k, i) => {
    const [group, row] = k.split('\u0000') as [string, string];
    const p = parts[i]!;
    const labels: HeadCell[] = [];
    for (let level = 0; level < p.length - 1; level++) {
      if (under(i - 1, p, level)) continue; // the group's label started on an earlier row
      let span = 1;
      while (under(i + span, p, level)) span++;
      labels.push(cell(p[level]!, 1, span));
    }
    labels.push(cell(p[p.length - 1]!, 3 - (p.length - 1)));
    return { labels, codes: cols.map((c) => fields.find((f) => f.group === group && f.rowLabel === row && f.columnLabel === c)?.code ?? null) };
  });
  const orgs = cols.filter((c) => c !== '自然人' && c !== '总计');
  const head = [
    [cell('', 3, 3), cell('申请人情况', cols.length)],
    [cell('自然人', 1, 2), cell('法人或其他组织', orgs.length), cell('总计', 1, 2)],
    orgs.map((c) => cell(c)),
  ];
  return { section: '三', caption: '三、收到和处理政府信息公开申请情况', head, rows };
}

function section4(fields: Field[]): LayoutTable {
  const groups = unique(fields.map((f) => f.group));
  const top: HeadCell[] = [];
  const second: HeadCell[] = [];
  for (const g of groups) {
    const n = fields.filter((f) => f.group === g).length;
    const [first, sub] = g.split(' / ');
    const last = top[top.length - 1];
    if (!sub) top.push(cell(first!, n, 2));
    else if (last && last.text === first) last.colSpan += n;
    else top.push(cell(first!, n));
    if (sub) second.push(cell(sub, n));
  }
  return {
    section: '四', caption: '四、政府信息公开行政复议、行政诉讼情况',
    head: [top, second, fields.map((f) => cell(f.columnLabel))],
    rows: [{ labels: [], codes: fields.map((f) => f.code) }],
  };
}

export function layoutFor(codes: readonly string[], template: string): LayoutTable[] {
  const have = new Set(codes);
  const fields = FIELDS.filter((f) => have.has(f.code));
  const known = new Set(fields.map((f) => f.code));
  const by = (s: Field['section']) => fields.filter((f) => f.section === s);
  const out: LayoutTable[] = [];
  if (by('二').length) out.push(...section2(by('二'), template));
  if (by('三').length) out.push(section3(by('三'), template));
  if (by('四').length) out.push(section4(by('四')));
  const rest = codes.filter((c) => !known.has(c));
  if (rest.length) {
    out.push({ section: '', caption: 'other cells', head: [[cell('code'), cell('value')]], rows: rest.map((c) => ({ labels: [cell(c)], codes: [c] })) });
  }
  return out;
}
