/**
 * Section 三 (applications): rows found by their labels in printed order; each row's values are the tokens
 * up to the next label. Recovers wrapped values, split labels, shifted rows, a missing label (two rows of
 * values under one label), an extra 法人或其他组织 subtotal column, glued digits (row sums decide), and rows
 * that lost values (mapped by grid column when the table's columns are reliable, else left empty).
 */
import { S3_COLUMNS } from '../model/codebook.ts';
import { warn } from '../model/result.ts';
import { bestChain, findCandidates, type Anchor } from './anchors.ts';
import { S3_ROWS } from './labels.ts';
import { blankToken, byGrid, dropStray, gridBlanks, gridRows, emptyRead, loneTotal, headerColumns, incomplete, rowOf, shortRow, splitToken, tokensIn, type SectionRead } from './reading.ts';
import { GLUED_LIMIT, rowSumCheck, splitDigits } from './split-digits.ts';
import type { Stream, ValueToken } from './tokenize.ts';

export type OtherStyle = 'subrows' | 'single' | 'none';

export interface S3Read extends SectionRead {
  otherStyle: OtherStyle;
  /** Label-stream position of the end of the last row label. */
  end: number;
  /** The tokens the section's rows took (section 四 starts after them). */
  used: Set<ValueToken>;
}

const SUBROWS = new Set(['result.other.no_correction', 'result.other.fee_unpaid', 'result.other.misc']);
const HEADER_KEYS: [string, RegExp][] = [
  ['natural_person', /^自然人$/], ['commercial', /商业企业/], ['research', /科研机构/],
  ['social_org', /社会公益组织|^社会组织$|公益组织/], ['legal_service', /法律服务机构/],
  ['other_org', /^其他(组织)?$/], ['total', /^(总计|合计)$/],
];

function isGlued(tokens: ValueToken[]): boolean {
  if (tokens.length === 0 || tokens.some((t) => t.kind !== 'number' || !t.digits || t.raw.includes('.'))) return false;
  return tokens.length === 1 ? tokens[0]!.digits!.length >= 7 : tokens.some((t) => t.digits!.length > 1 && t.digits!.startsWith('0'));
}

/** No organisation value in an 8-value row (its columns 1–6 are all 0). */
const noOrgs = (r: ValueToken[]) => r.slice(1, 7).every((t) => (t.value ?? 0) === 0);

/** Whether printed column `j` of an 8-value row is the subtotal of the organisation columns. */
function fits(v: number[], j: number): boolean {
  const orgs = j === 1 ? v.slice(2, 7) : v.slice(1, 6);
  return v[j] === orgs.reduce((a, b) => a + b, 0) && v[7] === v[0]! + v[j]!;
}

/** A row's own subtotal column when the table's could not be told: the one its sums fit, if only one does. */
function rowSubtotal(r: ValueToken[]): number | null {
  if (!r.every((t) => t.kind === 'number')) return null;
  const v = r.map((t) => t.value!);
  const a = fits(v, 1), b = fits(v, 6);
  return a && !b ? 1 : b && !a ? 6 : a && b && noOrgs(r) ? 1 : null;
}

/**
 * Which of the 8 printed columns is the 法人或其他组织 subtotal: 1 (after 自然人) or 6 (after 其他). Rows vote:
 * a row whose sums fit only one place counts for it; a row that fits both or neither (a misread value)
 * abstains. Rows voting both ways leave it undecided.
 */
function subtotalIndex(rows: ValueToken[][]): number | null {
  let one = 0, six = 0;
  for (const r of rows) {
    const v = r.map((t) => t.value ?? 0);
    const a = fits(v, 1), b = fits(v, 6);
    if (a && !b) one++;
    else if (b && !a) six++;
  }
  if (one > 0 && six === 0) return 1;
  if (six > 0 && one === 0) return 6;
  // No row decides: harmless only when no row has an organisation value (either column drops a 0).
  return one === 0 && six === 0 && rows.length > 0 && rows.every(noOrgs) ? 1 : null;
}

/** The header says where 小计 stands: before 商业企业 (index 1) or after 法律服务机构/其他 (index 6). */
function subtotalFromHeader(header: string): number | null {
  // 小计 names the subtotal; 合计 does only beside a 总计 (alone it is the 总计 column's other name).
  const at = /小计/.test(header) ? header.search(/小计/) : /总计/.test(header) ? header.search(/合计/) : -1;
  const first = header.search(/商业企业|商业/);
  const last = header.search(/法律服务/); // (OCR loses a character of 法律服务机构 now and then)
  if (at < 0 || first < 0 || last < 0) return null;
  if (at < first) return 1;
  if (at > last) return 6;
  return null;
}

/**
 * A trusted grid row (the label's) with no value at all while its values come from later rows that carry a
 * label of their own: those values are not this row's. (Values under an empty label cell are this row's,
 * wrapped onto the next grid row.)
 */
function leftEmpty(stream: Stream, labelRow: number, g: ValueToken[]): boolean {
  const row = stream.rows[labelRow]!;
  if (!row.reliableGrid || row.cells.filter((c) => c.text.trim() === '').length < 5) return false;
  if (!g.every((t) => t.reliableGrid && t.rowIndex > labelRow)) return false;
  const later = stream.rows[g[0]!.rowIndex]!;
  const firstCol = g[0]!.gridCol ?? 0;
  return later.cells.some((c) => (c.gridCol ?? 0) < firstCol && /\p{Script=Han}/u.test(c.text));
}

/**
 * A （六）其他处理 row left wholly blank is still the single row of the 2019 layout when 总计 follows it with no
 * other label text between (the 2021 layout prints its three sub-row labels there).
 */
function blankSingle(stream: Stream, anchors: Anchor[], at: number): boolean {
  const next = anchors[at + 1];
  if (!next || S3_ROWS[next.idx]!.row !== 'result.total') return false;
  return !/[\p{Script=Han}\d]/u.test(stream.labels.slice(anchors[at]!.end, next.start).replace(/[(（]七[)）]?$/u, ''));
}

/**
 * The header's 总计 column is the last column of the row the values are on: a header printed on the page
 * before, over another grid (a table cut by a page break and ruled anew), does not place them.
 */
function headerFits(stream: Stream, g: ValueToken[], header: Map<string, number>): boolean {
  const total = header.get('total');
  const row = g[0] && stream.rows[g[0].rowIndex];
  if (total === undefined || !row) return true;
  const end = (c: (typeof row.cells)[number]) => (c.gridCol ?? -1) + (c.gridSpan ?? 1) - 1;
  const last = Math.max(...row.cells.map(end));
  if (last === total) return true;
  // Empty cells past the 总计 column are another row's (a row printed one column right widens the grid), when
  // the row's first value stands under the header's 自然人 (not a header of another grid).
  const first = header.get('natural_person');
  return last > total && first !== undefined && g[0]!.gridCol === first
    && Math.max(...row.cells.filter((c) => c.text.trim() !== '').map(end)) <= total;
}

/**
 * OCR: a grid row printed one column to the left (a cell missing before its values): its first value stands
 * in the label column just before the header's 自然人, six more follow, and the 总计 column is empty. Its
 * tokens are moved one column right (their provenance stays the printed cell); other rows pass unchanged.
 */
function shiftBack(stream: Stream, tokens: ValueToken[], valueFrom: number | undefined, totalCol: number | undefined, count: () => void): ValueToken[] {
  if (valueFrom === undefined || totalCol === undefined || totalCol - valueFrom !== 6) return tokens;
  const moved = new Map<ValueToken, ValueToken>();
  for (const [r, ts] of gridRows(tokens)) {
    const row = stream.rows[r]!;
    const cols = ts.map((t) => t.gridCol!);
    const totalCell = row.cells.find((c) => c.gridCol === totalCol);
    if (!row.ocr || ts.length < 6 || !cols.includes(valueFrom - 1) || cols.some((c) => c < valueFrom - 1 || c >= totalCol)) continue;
    if (!totalCell || totalCell.text.trim() !== '' || ts[0]!.kind !== 'number') continue;
    count();
    for (const t of ts) moved.set(t, { ...t, gridCol: t.gridCol! + 1 });
  }
  return moved.size ? tokens.map((t) => moved.get(t) ?? t) : tokens;
}

/** Of `tokens`, the first of each trusted grid row holding width + 1 of them and no words, when it is a bare 1–2 digit number. */
function itemNumbers(stream: Stream, tokens: ValueToken[], width: number): Set<ValueToken> {
  const out = new Set<ValueToken>();
  for (const [r, ts] of gridRows(tokens)) {
    if (ts.length !== width + 1 || stream.rows[r]!.cells.some((c) => /\p{Script=Han}/u.test(c.text))) continue;
    const first = ts.reduce((a, b) => (b.gridCol! < a.gridCol! ? b : a));
    if (first.kind === 'number' && /^\d{1,2}$/.test(first.raw)) out.add(first);
  }
  return out;
}

/**
 * Blank tokens for a trusted OCR grid row whose seven value cells (from the header's 自然人 column on, else the
 * row's last seven) are all empty; null otherwise.
 */
function blankRow(stream: Stream, rowIndex: number, valueFrom: number | undefined, pos: number): ValueToken[] | null {
  const row = stream.rows[rowIndex];
  if (!row?.reliableGrid || !row.ocr) return null;
  const cells = valueFrom !== undefined ? row.cells.filter((c) => (c.gridCol ?? -1) >= valueFrom) : row.cells.slice(-7);
  if (cells.length !== 7 || cells.some((c) => c.text.trim() !== '' || (c.gridSpan ?? 1) !== 1)) return null;
  return cells.map((c) => blankToken(c, rowIndex, pos));
}

/**
 * OCR, a table that leaves its zeros blank, a result row under a printed 总计 row: the row's empty cells at its
 * edges (after its last number, or before its first) are blanks like those between its numbers — the cells of
 * a partly filled row, as `blankRow` reads a wholly empty one. Not the 总计 cell (a total the table does not
 * print for the result rows). They stay OCR blanks: the rules fill them first, and they confirm no check.
 */
function ocrEdgeBlanks(stream: Stream, mapped: Map<string, ValueToken>, header: Map<string, number>): void {
  const first = [...mapped.values()][0];
  const row = first && stream.rows[first.rowIndex];
  if (!first || !row?.ocr || !row.reliableGrid || [...mapped.values()].some((t) => t.rowIndex !== first.rowIndex)) return;
  for (const name of S3_COLUMNS) {
    const col = header.get(name);
    if (name === 'total' || mapped.has(name) || col === undefined) continue;
    const cell = row.cells.find((c) => c.gridCol === col);
    if (cell && cell.text.trim() === '' && (cell.gridSpan ?? 1) === 1) mapped.set(name, blankToken(cell, first.rowIndex, first.pos));
  }
}

/**
 * The values of the label's own trusted OCR grid row when they start there, number exactly `width` and go on
 * below it; null otherwise.
 */
function ownGridRow(stream: Stream, g: ValueToken[], labelRow: number, width: number): ValueToken[] | null {
  const t = g[0];
  if (!t || !t.reliableGrid || t.rowIndex !== labelRow || !stream.rows[labelRow]?.ocr || g.length <= width) return null;
  const own = g.filter((x) => x.rowIndex === labelRow);
  return own.length === width ? own : null;
}

/**
 * A trusted grid row whose one value stands in its last cell, every value cell before it empty (merged, or lost
 * by OCR): that value is the row's 总计.
 */
function gridTotalOnly(stream: Stream, g: ValueToken[]): boolean {
  const t = g[0];
  if (g.length !== 1 || !t || t.kind !== 'number' || !t.reliableGrid || t.gridCol === undefined) return false;
  const row = stream.rows[t.rowIndex]!;
  const last = Math.max(...row.cells.map((c) => c.gridCol ?? -1));
  if (t.gridCol !== last) return false;
  const before = row.cells.filter((c) => (c.gridCol ?? -1) < t.gridCol! && !/\p{Script=Han}/u.test(c.text));
  return before.length >= 1 && before.every((c) => c.text.trim() === '');
}

/** The row at label position `pos` is a column header (two or more organisation column names). */
function inHeaderRow(stream: Stream, pos: number): boolean {
  const text = stream.rows[rowOf(stream, pos)]?.text ?? '';
  return (text.match(/商业企业|科研机构|社会公益组织|法律服务机构/g) ?? []).length >= 2;
}

/** The row at label position `pos` is a sentence, not a table row (「（一）本年新收政府信息公开申请5件。」). */
export function inProse(stream: Stream, pos: number): boolean {
  const row = stream.rows[rowOf(stream, pos)];
  return !!row && row.tableIndex === undefined && row.cells.length === 1 && /\d\s*件|[。；;]\s*$/.test(row.text);
}

/**
 * A header whose 自然人 and 总计 stand six columns apart, every column found standing where the template's order
 * puts it: the columns whose header words OCR garbled (「益组织」 for 社会公益组织) are the ones left between.
 */
export function completeHeader(header: Map<string, number>): Map<string, number> {
  const from = header.get('natural_person');
  if (from === undefined || header.get('total') !== from + 6 || S3_COLUMNS.every((c) => header.has(c))) return header;
  if (S3_COLUMNS.some((c, k) => header.has(c) && header.get(c) !== from + k)) return header;
  return new Map(S3_COLUMNS.map((c, k) => [c, from + k]));
}

export function readSection3(stream: Stream, from: number, to: number): S3Read {
  const read: S3Read = { ...emptyRead(), otherStyle: 'none', end: to, used: new Set() };
  // A repeated header row (a table cut in pieces) is no row label: its 「其他」 column is not 「3.其他」.
  // Nor is a sentence (the section printed twice: a narrative list before its table).
  const anchors = bestChain(findCandidates(stream.labels, S3_ROWS, from, to).filter((c) => !inHeaderRow(stream, c.start) && !inProse(stream, c.start)));
  if (anchors.length < 3) return read;
  read.found = true;
  // A label in a trusted grid takes values from grid rows only: a page number or speck on a line of its own
  // after the table is not a value.
  // Nor is a number OCR read in a trusted grid's label columns, left of the header's 自然人 (a speck).
  const firstRow = rowOf(stream, anchors[0]!.start);
  const header = completeHeader(headerColumns(stream, firstRow - 6, firstRow + 1, HEADER_KEYS));
  const valueFrom = header.get('natural_person');
  // (OCR only: a printed row shifted one column left keeps its values there.)
  const inLabels = (t: ValueToken) => valueFrom !== undefined && t.reliableGrid && t.gridCol !== undefined && t.gridCol < valueFrom && !!stream.rows[t.rowIndex]!.ocr;
  let dropped = 0;
  const totalCol = header.get('total');
  let shifted = 0;
  const groups = anchors.map((a, i) => shiftBack(stream, tokensIn(stream, a.start, i + 1 < anchors.length ? anchors[i + 1]!.start : to), valueFrom, totalCol, () => shifted++)
    .filter((t) => t.reliableGrid || !stream.rows[rowOf(stream, a.end - 1)]!.reliableGrid)
    .filter((t) => !inLabels(t) || (dropped++, false)));
  if (shifted) read.warnings.push(warn('parse.s3_row_shifted', `${shifted} row(s) of section 三 printed one column to the left (the first value under the label, 总计 empty) read one column to the right`));
  if (dropped) read.warnings.push(warn('parse.s3_label_column_value', `${dropped} number(s) in the label columns of section 三's grid ignored`));
  const rowCode = (idx: number) => S3_ROWS[idx]!.row;

  // 「3.其他」 alone can come from a repeated header (…其他 总计): the two distinctive sub-rows decide.
  const hasSub = anchors.some((a) => rowCode(a.idx) === 'result.other.no_correction' || rowCode(a.idx) === 'result.other.fee_unpaid');
  const otherAt = anchors.findIndex((a) => rowCode(a.idx) === 'result.other.total');
  read.otherStyle = hasSub ? 'subrows' : otherAt >= 0 && (groups[otherAt]!.length > 0 || blankSingle(stream, anchors, otherAt)) ? 'single' : 'none';
  const inTemplate = (code: string) =>
    read.otherStyle === 'subrows' ? code !== 'result.other.total' : !SUBROWS.has(code);

  // Width: 7 value columns, or 8 with a 法人或其他组织 subtotal.
  const eights = groups.filter((g) => g.length === 8);
  const sevens = groups.filter((g) => g.length === 7).length;
  let width = 7;
  let sub: number | null = null;
  // (A header naming a 小计 column says so even where rows lost cells to OCR or print dashes.)
  const headerSub = subtotalFromHeader(stream.labels.slice(from, anchors[0]!.start));
  if ((eights.length >= 3 && eights.length > sevens) || (headerSub !== null && eights.length >= 1)) {
    width = 8;
    sub = headerSub ?? subtotalIndex(eights.filter((g) => g.every((t) => t.kind === 'number')));
    if (sub === null) read.warnings.push(warn('parse.s3_subtotal_ambiguous', 'section 三 has 8 value columns and the subtotal column cannot be told apart; each row\'s own sums decide, else it is left empty'));
  }
  const toColumns = (g: ValueToken[]): ValueToken[] | null => {
    if (width === 7) return g;
    const j = sub ?? rowSubtotal(g);
    return j === null ? null : g.filter((_, i) => i !== j);
  };

  // A grid row of width + 1 numbers and no words: its first, one or two digits in its leftmost cell, is the
  // item's number (「3.其他」 with 其他 lost to OCR), not a value.
  let numbering = 0;
  groups.forEach((gr, i) => {
    const drop = itemNumbers(stream, gr, width);
    if (drop.size) { numbering += drop.size; groups[i] = gr.filter((t) => !drop.has(t)); }
  });
  if (numbering) read.warnings.push(warn('parse.s3_item_number', `${numbering} item number(s) left of a row's values, its words lost, ignored`));
  // The table leaves zeros blank: empty cells stand among the numbers of its rows.
  const blankStyle = groups.flat().filter((t) => t.kind === 'blank').length >= 3;
  // The result block's 总计 row is printed with numbers: it bounds the rows above it (a table cut short has none).
  const totalRow = anchors.some((a, i) => rowCode(a.idx) === 'result.total' && groups[i]!.some((t) => t.kind === 'number'));
  anchors.forEach((a, i) => {
    const own = rowCode(a.idx);
    const nextIdx = i + 1 < anchors.length ? anchors[i + 1]!.idx : S3_ROWS.length;
    const targets = [own, ...S3_ROWS.slice(a.idx + 1, nextIdx).map((r) => r.row)].filter(inTemplate);
    if (i === anchors.length - 1 && groups[i]!.length > width) {
      // After the last label found: whole rows of values continue the template's rows in order (a table
      // whose later labels were cut or garbled); anything beyond them is not section 三's.
      // Only when the （六） layout is known: otherwise the rows after 5.要求行政机关确认… are unknown.
      const rows = read.otherStyle === 'none' ? 1 : Math.min(Math.floor(groups[i]!.length / width), targets.length);
      if (rows > 1) targets.splice(rows);
      const keep = rows > 1 ? rows * width : width;
      if (groups[i]!.length > keep) {
        read.warnings.push(warn('parse.s3_trailing_values', `${groups[i]!.length - keep} values after the last row of section 三 ignored`));
        groups[i] = groups[i]!.slice(0, keep);
      }
    }
    const stray = width === 7 && targets.length === 1 ? dropStray(stream, groups[i]!, 7) : null;
    if (stray) {
      // One number too many, alone on its line: either the tail of a number wrapped in a narrow cell
      // (「13」 / 「2」 → 132) or a page number. The row sum decides; if it cannot, the row stays empty.
      const extra = groups[i]!.find((t) => !stray.includes(t))!;
      const at = groups[i]!.indexOf(extra);
      const prev = groups[i]![at - 1];
      const joined = prev && prev.kind === 'number' && extra.kind === 'number' && !prev.raw.includes('.')
        ? stray.map((t) => (t === prev ? { ...prev, value: Number(`${prev.digits}${extra.digits}`), raw: `${prev.raw}${extra.raw}`, digits: `${prev.digits}${extra.digits}` } : t))
        : null;
      const sums = (g: ValueToken[]) => g.every((t) => t.kind === 'number') && rowSumCheck(g.map((t) => t.value!), 6);
      if (joined && sums(joined) && !sums(stray)) {
        read.warnings.push(warn('parse.number_rejoined', `s3.${own}: a number wrapped over two lines joined (${joined.map((t) => t.raw).join(' ')})`, { cell: `s3.${own}` }));
        groups[i] = joined;
      } else if (sums(stray) || !joined || !sums(joined)) {
        read.warnings.push(warn('parse.stray_number', `a number alone on its line inside section 三 (a page number?) ignored`, { cell: `s3.${own}` }));
        groups[i] = stray;
      }
    }
    const g = groups[i]!;
    if (targets.length === 0) return;
    if (g.length > 0 && leftEmpty(stream, rowOf(stream, a.end - 1), g)) {
      // The label's own grid row is wholly empty; the values below it belong to a row whose label was lost.
      read.warnings.push(warn('parse.s3_unlabelled_values', `s3.${own}: its row is empty; ${g.length} values on a later row with an unknown label ignored`, { cell: `s3.${own}` }));
      groups[i] = [];
      targets.forEach((r) => S3_COLUMNS.forEach((c) => read.cells.set(`s3.${r}.${c}`, null)));
      return;
    }
    const set = (row: string, vals: (ValueToken | null)[]) =>
      S3_COLUMNS.forEach((c, k) => read.cells.set(`s3.${row}.${c}`, vals[k] ?? null));
    if (g.length === width * targets.length) {
      if (targets.length > 1) read.warnings.push(warn('parse.s3_label_missing', `label(s) of ${targets.slice(1).join(', ')} not found; values taken in order`));
      targets.forEach((row, k) => {
        const cols = toColumns(g.slice(k * width, (k + 1) * width));
        set(row, cols ?? []);
      });
      return;
    }
    const row = inTemplate(own) ? own : targets[0]!;
    if (g.length === width && targets.length > 1) {
      set(row, toColumns(g) ?? []);
      return;
    }
    if (g.length === 0) {
      targets.forEach((r) => set(r, []));
      const blank = blankStyle && totalRow && width === 7 && targets.length === 1 && own.startsWith('result.') ? blankRow(stream, rowOf(stream, a.end - 1), valueFrom, a.end) : null;
      if (blank) {
        // OCR, a table that leaves its zeros blank: a result row of seven empty cells is a row of zeros (still only
        // where the rules do not say otherwise, and never confirming a check). The column's 总计 (printed) bounds it: a
        // misread elsewhere in the column keeps the sums from forcing it, not the row's own emptiness. The rows
        // outside the result block are not bounded so (上年结转 and 结转下年度 both empty: equal, not known):
        // like every empty row of a text table, they are left to the rules.
        set(own, blank);
        read.warnings.push(warn('parse.s3_row_blank', `s3.${own}: every cell empty in a table that leaves zeros blank; read as blanks`, { cell: `s3.${own}` }));
      } else if (inTemplate(own)) read.warnings.push(warn('parse.s3_row_empty', `no values for s3.${own}`, { cell: `s3.${own}` }));
      return;
    }
    if (isGlued(g)) {
      const cands = splitDigits(g.map((t) => t.digits!), 7, { check: rowSumCheck, limit: GLUED_LIMIT });
      const codes = S3_COLUMNS.map((c) => `s3.${row}.${c}`);
      if (cands.length === 1) {
        set(row, cands[0]!.map((v) => splitToken(g, v)));
        read.warnings.push(warn('parse.digits_split', `glued digits ${g.map((t) => t.raw).join(' ')} split by the row sum`, { cell: `s3.${row}` }));
      } else {
        set(row, []);
        if (cands.length >= GLUED_LIMIT) read.warnings.push(warn('parse.digits_ambiguous', `glued digits ${g.map((t) => t.raw).join(' ')} fit at least ${cands.length} splits; left empty`, { cell: `s3.${row}` }));
        else if (cands.length > 1) read.glued.push({ codes, candidates: cands, tokens: g });
        else read.warnings.push(warn('parse.digits_unsplittable', `glued digits ${g.map((t) => t.raw).join(' ')} fit no split`, { cell: `s3.${row}` }));
      }
      targets.slice(1).forEach((r) => set(r, []));
      return;
    }
    if (loneTotal(stream, g) || gridTotalOnly(stream, g)) {
      set(row, [null, null, null, null, null, null, g[0]!]);
      read.warnings.push(warn('parse.s3_total_only', `s3.${row}: only the 总计 cell survived; the others are left to the rules`, { cell: `s3.${row}` }));
      targets.slice(1).forEach((r) => set(r, []));
      return;
    }
    const mapped = header.size >= 2 && headerFits(stream, g, header) ? byGrid(g, header) : null; // only the columns the table prints
    let placed: (ValueToken | null)[] | null = null;
    let ownRow: ValueToken[] | null = null;
    if (mapped) {
      if (blankStyle && totalRow && row.startsWith('result.')) ocrEdgeBlanks(stream, mapped, header);
      if (gridBlanks(stream, mapped, header).includes('total') && S3_COLUMNS.some((c) => (mapped.get(c)?.value ?? 0) > 0)) {
        // An empty 总计 next to numbers is a total not printed (some reports leave it to the reader), not a 0.
        mapped.delete('total');
        read.warnings.push(warn('parse.total_blank', `s3.${row}: the 总计 cell is empty beside numbers; left to the rules`, { cell: `s3.${row}.total` }));
      }
      set(row, S3_COLUMNS.map((c) => mapped.get(c) ?? null));
      if (mapped.size < 7) read.warnings.push(warn('parse.s3_cells_missing', `s3.${row}: ${7 - mapped.size} cells empty in the grid`, { cell: `s3.${row}` }));
    } else if ((width === 7 || sub !== null) && (placed = shortRow(stream, g, width))) {
      // The header's columns could not be used (another table's grid): the row's own cells after its label
      // (less the 法人或其他组织 subtotal's cell, where the table prints one).
      if (width === 8) placed = placed.filter((_, k) => k !== sub);
      set(row, placed);
      read.warnings.push(warn('parse.s3_cells_missing', `s3.${row}: ${placed.filter((t) => t === null).length} cell(s) empty or unreadable in the grid`, { cell: `s3.${row}` }));
    } else if ((ownRow = ownGridRow(stream, g, rowOf(stream, a.end - 1), width))) {
      // A trusted grid row holding the row's values in full, and more values on the grid rows below it (a row
      // whose label OCR lost): the label's own grid row is read; the rest belongs to no label found.
      const own = ownRow;
      set(row, toColumns(own) ?? []);
      read.warnings.push(warn('parse.s3_unlabelled_values', `s3.${row}: ${g.length - own.length} values on the grid row(s) below it, whose label was not found, ignored`, { cell: `s3.${row}` }));
    } else {
      set(row, []);
      read.warnings.push(incomplete('parse.s3_row_incomplete', g.length, width, `s3.${row}`));
      read.unplaced.set(`s3.${row}`, g.flatMap((t) => (t.kind === 'number' ? [t.value!] : [])));
    }
    targets.slice(1).forEach((r) => set(r, []));
  });
  read.used = new Set(groups.flat());
  read.end = anchors[anchors.length - 1]!.end;
  return read;
}
