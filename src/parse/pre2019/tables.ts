/**
 * The tables of a 2008–2018 report: the provincial annex (本年度 / 历年累计 → `p.X` / `p.cum.X`) and the
 * 2017–2018 统计表 (one 统计数 column), from grids (HTML, Word) or from text lines (PDF, text dumps).
 * Columns come from the header row when there is one (else: the first number is the year's, the second
 * the 历年累计 when the document's tables have such a column). Digits glued into one run are split only
 * where one split keeps 历年累计 ≥ the year's figure; otherwise they are left to the narrative to decide.
 */
import { cumulativeTwin } from '../../model/codebook-pre2019.ts';
import { warn, type Message } from '../../model/result.ts';
import type { Row } from '../rows.ts';
import { splitDigits } from '../split-digits.ts';
import type { Reading } from './reading.ts';
import { CUM_HEADER, HEADER_ROW, TABLE_LABELS, UNIT_HEADER, VALUE_HEADER, YEAR_HEADER, type TableLabel } from './table-labels.ts';
import { gridGroups, lineGroups, type Group, type LineState, type Tok } from './table-rows.ts';

type Role = 'year' | 'cum' | 'unit' | 'label';
type Block = NonNullable<TableLabel['opens']> | null;

export interface GluedRun {
  code: string;
  cumCode: string;
  digits: string;
  splits: number[][];
  raw: string;
  evidence: string;
  prov: Reading['prov'];
  order: number;
}

export interface TableResult {
  readings: Reading[];
  /** Rows read as table rows (the narrative reader skips them). */
  tableRows: Set<number>;
  glued: GluedRun[];
  /** A two-column annex table (本年度 / 历年累计) or rows of one. */
  annex: boolean;
  /** Rows only the 2017–2018 national 统计表 has. */
  statTable: boolean;
  warnings: Message[];
}

/** Labels only the 2017–2018 统计表 prints (for template detection). */
const STAT_ONLY = /收到申请数|申请办结数|申请答复数|行政复议数量|行政诉讼数量|举报投诉数量|专门机构数|查阅点数|专项经费|培训班数|回应公众关注热点|在线访谈次数|政策解读稿件/;
/** Labels of the provincial annex tables. */
const ANNEX = /主动公开信息数|受理申请数|对申请的答复数|行政复议数|行政诉讼数|行政申诉数|网站公开|政府公报公开/;
/** A note in brackets (「（不同渠道和方式公开相同信息计1条）」), not a numbering like （二）. */
const NOTE = /[（(](?![一二三四五六七八九十]+[）)])[^（）()]*[\u4e00-\u9fff][^（）()]*[）)]/g;
const UNIT_NOTE = /[（(](万元|元|条|件|人次|个|次|人)[）)]/;

export function cleanLabel(label: string): string {
  return label
    .replace(NOTE, '')
    .replace(/^[\s(（]*[一二三四五六七八九十\d]{1,2}[)）、.．]*/, '')
    .replace(/^(其中|包括|含)[:：]?/, '')
    .replace(/^[\d.、．]+/, '')
    .replace(/[:：]$/, '');
}

export function codeOf(label: string, block: Block): TableLabel | null {
  const l = cleanLabel(label);
  if (l === '') return null;
  for (const t of TABLE_LABELS) {
    if (t.within && t.within !== block) continue;
    if (t.re.test(l)) return t;
  }
  return null;
}

const SENTENCE = /[。；;！？!?]/;

/** A grid row that is really a paragraph (a report laid out in a one-cell table). */
function isProseCell(row: Row): boolean {
  return row.cells.some((c) => c.text.length > 60 || (SENTENCE.test(c.text) && c.text.length > 24));
}

function headerRoles(cells: { text: string; col: number }[]): Map<number, Role> | null {
  const roles = new Map<number, Role>();
  let values = 0;
  for (const c of cells) {
    const t = c.text.replace(/\s+/g, '');
    if (CUM_HEADER.test(t)) { roles.set(c.col, 'cum'); values++; }
    else if (YEAR_HEADER.test(t) || VALUE_HEADER.test(t)) { roles.set(c.col, 'year'); values++; }
    else if (UNIT_HEADER.test(t)) roles.set(c.col, 'unit');
  }
  return values > 0 ? roles : null;
}

export function readTables(rows: Row[]): TableResult {
  const out: TableResult = { readings: [], tableRows: new Set(), glued: [], annex: false, statTable: false, warnings: [] };
  let statRows = 0;
  let annexRows = 0;
  let block: Block = null;
  let gridRoles: Map<number, Role> | null = null;
  let textRoles: Role[] | null = null;
  let lastTable: number | undefined = -1;
  let lastHeaderRow = -2;
  const state: LineState = { lastMarker: null };
  const consumed = new Set<number>();
  // A labelled row is placed once the next row is seen (it may hold the values of a second label).
  let pending: Pending | null = null;
  const flush = (p: Pending | null) => {
    if (!p) return;
    const label = codeOf(p.g.label, p.block);
    if (label) place(out, label.code, p.g, p.roles, p.rowText, p.rowIndex, p.textLine);
  };
  const cumColumn = rows.some((r) => HEADER_ROW.test(r.text.replace(/\s+/g, '')) && CUM_HEADER.test(r.text));
  rows.forEach((row, i) => {
    const compact = row.text.replace(/\s+/g, '');
    let groups: Group[];
    if (row.tableIndex !== undefined) {
      if (isProseCell(row)) return;
      if (row.tableIndex !== lastTable) {
        lastTable = row.tableIndex;
        gridRoles = null;
        block = null;
      }
      const roles = row.cells.every((c) => !/^\s*[\d,.]+\s*$/.test(c.text)) ? headerRoles(row.cells.map((c) => ({ text: c.text, col: c.gridCol ?? c.index }))) : null;
      out.tableRows.add(i);
      if (roles) {
        gridRoles = roles;
        if ([...roles.values()].includes('cum')) out.annex = true;
        return;
      }
      groups = gridGroups(row);
    } else {
      if (SENTENCE.test(row.text) || compact.length > 70) return;
      if (consumed.has(i)) {
        out.tableRows.add(i);
        return;
      }
      const word = HEADER_WORD.exec(compact);
      if (word) {
        // Header cells one per line: 统计指标 / 单位 / 统计数, or 本年度 / 历年累计.
        out.tableRows.add(i);
        const role: Role | null = CUM_HEADER.test(compact) ? 'cum' : YEAR_HEADER.test(compact) || VALUE_HEADER.test(compact) ? 'year' : null;
        if (role) {
          textRoles = i > 0 && lastHeaderRow === i - 1 && textRoles ? [...textRoles, role] : [role];
          if (role === 'cum') out.annex = true;
        }
        lastHeaderRow = i;
        return;
      }
      if (HEADER_ROW.test(compact) && !/\d{2,}/.test(compact.replace(/\d{4}年/g, ''))) {
        const order: [number, Role][] = [];
        for (const [re, role] of [[/本年|当年|统计数|数量/, 'year'], [CUM_HEADER, 'cum']] as const) {
          const m = re.exec(compact);
          if (m) order.push([m.index, role]);
        }
        textRoles = order.sort((a, b) => a[0] - b[0]).map(([, r]) => r);
        if (textRoles.includes('cum')) out.annex = true;
        out.tableRows.add(i);
        return;
      }
      if (consumed.has(i)) return;
      if (!tableLike(row.text)) return;
      groups = textGroups(row, state);
      const readable = groups.some((g) => g.values.length > 0 && g.label.length <= 40 && codeOf(g.label, block) !== null)
        || (pending !== null && pending.rowIndex === i - 1 && groups.length === 1 && groups[0]!.label === '' && groups[0]!.values.length > 0);
      if (!readable) {
        // One cell per line (a table the extraction flattened): the label, then its unit and numbers below.
        const only = groups.length === 1 && groups[0]!.values.length === 0 && groups[0]!.label.length <= 40 ? groups[0]! : null;
        if (!only || codeOf(only.label, block) === null) return;
        const below = cellsBelow(rows, i, state, (textRoles ?? ['year']).length);
        if (below.values.length === 0) return;
        only.values = below.values;
        only.unit ||= below.unit;
        for (const k of below.rows) consumed.add(k);
      }
      out.tableRows.add(i);
    }
    for (const g of groups) {
      const roles = row.tableIndex !== undefined ? gridValueRoles(g.values, gridRoles, cumColumn) : (textRoles ?? (cumColumn ? ['year', 'cum'] : ['year']));
      const here: Pending = { g, roles, rowText: row.text, rowIndex: i, textLine: row.tableIndex === undefined, block };
      if (pending && pending.rowIndex < i - 1) {
        flush(pending);
        pending = null;
      }
      if (g.label === '' && g.values.length > 0 && pending) {
        // Values with no label under a row whose label cell holds two labels (「其他方式公开受理申请数」):
        // the extraction stacked two rows' labels in one cell. Each label takes its own row's values.
        const split = splitLabel(pending.g.label, pending.block);
        if (split) {
          place(out, split[0].code, pending.g, pending.roles, pending.rowText, pending.rowIndex, pending.textLine);
          here.g.unit ||= pending.g.unit;
          place(out, split[1].code, here.g, here.roles, here.rowText, here.rowIndex, here.textLine);
          block = split[1].opens ?? split[0].opens ?? block;
        } else {
          flush(pending);
          out.warnings.push(warn('p.values_unlabelled', `「${row.text.replace(/\s+/g, ' ').trim()}」: values with no label; not read`));
        }
        pending = null;
        continue;
      }
      flush(pending);
      pending = null;
      const label = codeOf(g.label, block);
      if (label?.opens) block = label.opens;
      if (!label || g.values.length === 0) continue;
      if (STAT_ONLY.test(cleanLabel(g.label))) statRows++;
      if (ANNEX.test(cleanLabel(g.label))) annexRows++;
      pending = here;
    }
  });
  flush(pending);
  out.statTable = out.statTable || statRows >= 3;
  out.annex = out.annex || annexRows >= 3;
  return out;
}

/**
 * A text line that can be a table row: its numbers stand apart (whitespace or the line's edge on both sides,
 * a unit after a space allowed) and it has no clause punctuation. Wrapped prose (「…门户网站发布政府信息18」,
 * 「全年共办理行政复议案件23件，其中…」) is not.
 */
function tableLike(text: string): boolean {
  const t = text.replace(NOTE, (m) => ' '.repeat(m.length));
  if (/[，,；;]/.test(t)) return false;
  for (const m of t.matchAll(/\d[\d,]*(?:\.\d+)?/g)) {
    const before = t[m.index! - 1] ?? ' ';
    const after = t.slice(m.index! + m[0].length);
    if (!/\s/.test(before)) return false;
    if (!/^(\s|$|[.、．](?=[\u4e00-\u9fff(（])|(条|件|次|篇|份|项|个|人次|人|名|场|期|元|万元)(\s|$))/.test(after)) return false;
  }
  return true;
}

const HEADER_WORD = /^(统计指标|指标名称|指标|项目|单位|计量单位|统计数|数量|本年度?|本年数|历年累计|累计|\d{4}年度?)$/;

function textGroups(row: Row, state: LineState): Group[] {
  const unitNote = UNIT_NOTE.exec(row.text)?.[1];
  const blanked = row.text.replace(NOTE, (m) => ' '.repeat(m.length));
  const groups = lineGroups(blanked, row.cells[0]?.prov ?? {}, state);
  if (unitNote) for (const g of groups) g.unit ||= unitNote;
  return groups;
}

/** The unit and number lines below a label line (at most `n` numbers, within three lines). */
function cellsBelow(rows: Row[], i: number, state: LineState, n: number): { values: Tok[]; unit: string; rows: number[] } {
  const out = { values: [] as Tok[], unit: '', rows: [] as number[] };
  for (let k = i + 1; k < Math.min(rows.length, i + 4) && out.values.length < n; k++) {
    const r = rows[k]!;
    if (r.tableIndex !== undefined) break;
    const gs = textGroups(r, { ...state });
    if (gs.length !== 1 || gs[0]!.label !== '' || (gs[0]!.values.length === 0 && !gs[0]!.unit)) break;
    out.values.push(...gs[0]!.values);
    out.unit ||= gs[0]!.unit;
    out.rows.push(k);
  }
  return out;
}

interface Pending {
  g: Group;
  roles: Role[];
  rowText: string;
  rowIndex: number;
  textLine: boolean;
  block: Block;
}

/**
 * A label cell that holds two rows' labels: the two codes, when every cut of the text into two labels the
 * table knows gives the same two (「行政诉讼数行政申诉数」 → litigation, appeals); null otherwise.
 */
export function splitLabel(label: string, block: Block): [TableLabel, TableLabel] | null {
  const found = new Map<string, [TableLabel, TableLabel]>();
  for (let k = 2; k <= label.length - 2; k++) {
    const a = codeOf(label.slice(0, k), block);
    const b = a ? codeOf(label.slice(k), a.opens ?? block) : null;
    if (a && b && a.code !== b.code) found.set(`${a.code} ${b.code}`, [a, b]);
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

function gridValueRoles(values: Tok[], roles: Map<number, Role> | null, cumColumn: boolean): Role[] {
  if (!roles) return values.length > 1 && cumColumn ? ['year', 'cum'] : ['year'];
  return values.map((v) => (v.gridCol !== undefined ? roleAt(roles, v.gridCol) : 'year'));
}

function roleAt(roles: Map<number, Role>, col: number): Role {
  if (roles.has(col)) return roles.get(col)!;
  let best: Role = 'year';
  let bestCol = -1;
  for (const [c, r] of roles) if (c <= col && c > bestCol) { bestCol = c; best = r; }
  return best;
}

/** Money printed in 万元 goes to the code's `_wan` twin, never converted. */
function moneyCode(code: string, unit: string, label: string): string | null {
  const wan = unit === '万元' || /万元/.test(label);
  if (code === 'p.funds.special_wan') return wan || unit === '' ? code : null;
  if (code === 'p.fees.amount' || code === 'p.spending.amount') return wan ? `${code}_wan` : code;
  return code;
}

function place(out: TableResult, code0: string, g: Group, roles: Role[], rowText: string, rowIndex: number, textLine: boolean): void {
  const code = moneyCode(code0, g.unit, g.label);
  const evidence = rowText.replace(/\s+/g, ' ').trim().slice(0, 200);
  if (code === null) {
    out.warnings.push(warn('p.unit_unknown', `${code0}: 「${evidence}」 is not printed in the codebook's unit; left empty`, { cell: code0 }));
    return;
  }
  const cum = cumulativeTwin(code);
  const valueRoles = roles.filter((r) => r === 'year' || r === 'cum');
  // One run of digits where two columns are printed: a count and its 历年累计 glued together.
  if (textLine && valueRoles.length === 2 && g.values.length === 1 && cum && g.values[0]!.digits && g.values[0]!.digits.length >= 2) {
    const t = g.values[0]!;
    const splits = splitDigits([t.digits!], 2, { check: (v, placed) => placed < 1 || v[1]! >= v[0]! });
    out.glued.push({ code, cumCode: cum, digits: t.digits!, splits, raw: t.raw, evidence, prov: t.prov, order: rowIndex });
    return;
  }
  g.values.forEach((t, k) => {
    const role = textLine ? valueRoles[k] : roles[k];
    if (role !== 'year' && role !== 'cum') {
      if (k >= valueRoles.length) out.warnings.push(warn('p.table_extra_value', `「${evidence}」: a value beyond the table's columns is not read`, { cell: code }));
      return;
    }
    const target = role === 'cum' ? cum : code;
    if (!target) return;
    if (t.kind === 'dash' || t.value === null) {
      if (t.numbering === 'glued') out.warnings.push(warn('p.numbering_glued', `${target}: 「${t.raw}」 runs into the next item's number; left empty`, { cell: target }));
      else out.warnings.push(warn('p.dash', `${target}: 「${t.raw}」 is not a number; left empty`, { cell: target }));
      return;
    }
    out.readings.push({
      code: target, value: t.value, raw: t.raw, kind: t.kind === 'zero_word' ? 'negation' : 'number', origin: 'table', evidence,
      prov: t.prov, order: rowIndex, ...(t.numbering === 'split' ? { doubt: 'p.numbering_split' } : {}),
    });
  });
}
