/**
 * Section 四 (review and litigation): one row of 15 values under a 3-row header. Located by its header words
 * and its 15 numbers, not by the header's exact text (vertical headers arrive garbled). Glued digits are
 * split where the three group totals leave exactly one way.
 */
import { warn } from '../model/result.ts';
import { S4_COLUMNS, S4_GROUPS, S4_HEADER } from './labels.ts';
import { blankToken, byGrid, dropStray, gridBlanks, gridRows, emptyRead, headerColumns, incomplete, placeByCells, rowOf, splitToken, tokensIn, type SectionRead } from './reading.ts';
import { GLUED_LIMIT, groupSumCheck, splitDigits } from './split-digits.ts';
import type { Stream, ValueToken } from './tokenize.ts';

export const S4_CODES = S4_GROUPS.flatMap((g) => S4_COLUMNS.map((c) => `s4.${g}.${c}`));
const WORDS: [string, RegExp][] = [['upheld', /结果维持|维持/], ['corrected', /结果纠正|纠正/], ['other', /其他结果/], ['pending', /尚未审结|未审结/], ['total', /^(总计|合计)$/]];

/** Grid columns of the 15 header labels, read in order (5 under 行政复议, then 10 under 行政诉讼). */
function s4Header(stream: Stream, rowFrom: number, rowTo: number): Map<string, number> {
  const found: { name: string; col: number; row: number }[] = [];
  for (let r = rowFrom; r < rowTo; r++) {
    const row = stream.rows[r];
    if (!row?.reliableGrid) continue;
    for (const c of row.cells) {
      const w = WORDS.find(([, re]) => re.test(c.text.replace(/\s+/g, '')));
      if (w && c.gridCol !== undefined) found.push({ name: w[0], col: c.gridCol, row: r });
    }
  }
  if (found.length !== 15) return new Map();
  found.sort((a, b) => a.col - b.col);
  const out = new Map<string, number>();
  found.forEach((f, i) => out.set(S4_CODES[i]!, f.col));
  return out;
}

/** The one trusted grid row holding exactly 15 values (blanks included), if there is exactly one. */
function fullGridRow(g: ValueToken[]): ValueToken[] | null {
  const full = [...gridRows(g).values()].filter((r) => r.length === 15);
  return full.length === 1 ? full[0]! : null;
}

/**
 * OCR: a group of five cells all empty (复议, 直接起诉, 复议后起诉) in a row that leaves zeros blank among its
 * numbers (and prints no dash) is a group of zeros printed blank, not five lost readings: its cells become blanks (zeros
 * where the rules do not say otherwise). Mutates `placed`; returns how many groups.
 */
function blankGroups(stream: Stream, placed: (ValueToken | null)[], g: ValueToken[]): number {
  const row = stream.rows[g[0]!.rowIndex]!;
  if (!row.ocr || !row.reliableGrid) return 0;
  // Zeros left blank among the numbers (blank tokens), and no dash standing for "none" (a dash lost is not a 0).
  if (g.filter((t) => t.kind === 'blank').length < 2 || g.some((t) => t.kind === 'dash')) return 0;
  const groups = [0, 5, 10].map((at) => placed.slice(at, at + 5));
  const empty = groups.map((gr, k) => (gr.every((t) => t === null) ? k : -1)).filter((k) => k >= 0);
  if (empty.length === 0 || empty.length === 3) return 0;
  const cells = row.cells.filter((c) => c.gridCol !== undefined).sort((a, b) => a.gridCol! - b.gridCol!);
  if (cells.length !== 15) return 0;
  for (const k of empty) {
    for (let i = k * 5; i < k * 5 + 5; i++) {
      const c = cells[i]!;
      if (c.text.trim() !== '') return 0;
      placed[i] = blankToken(c, g[0]!.rowIndex, g[0]!.pos);
    }
  }
  return empty.length;
}

/**
 * When the numbers are more than one grid row's: the one trusted grid row of 10–14 values placed by its
 * cells (15 after the label column), the others being outside any grid. Null otherwise.
 */
function shortGridRow(stream: Stream, g: ValueToken[]): (ValueToken | null)[] | null {
  if (g.every((t) => t.reliableGrid)) return null;
  const rows = gridRows(g);
  const long = [...rows.values()].filter((r) => r.length >= 10 && r.length < 15);
  return long.length === 1 && rows.size === 1 ? placeByCells(stream, long[0]!, 15, -1) : null;
}

/**
 * `from`/`to`: the region after section 三. `used`: tokens section 三 took. Without header words (garbled
 * vertical headers) the table is still taken from its numbers when they are exactly 15 or glued.
 */
export function readSection4(stream: Stream, from: number, to: number, used: Set<ValueToken> = new Set()): SectionRead {
  const read = emptyRead();
  const m = S4_HEADER.exec(stream.labels.slice(from, to));
  const start = m ? from + m.index : from;
  let g: ValueToken[] = tokensIn(stream, start, to).filter((t) => !used.has(t));
  if (!m) {
    const digits = g.every((t) => t.kind === 'number') ? g.reduce((a, t) => a + (t.digits?.length ?? 9), 0) : 0;
    const plausible = (g.length === 15 || (g.length < 15 && digits >= 15)) && new Set(g.map((t) => t.rowIndex)).size <= 3;
    if (!plausible) return read;
    read.warnings.push(warn('parse.s4_header_missing', 'section 四 header not recognised; its table was taken from its 15 numbers'));
  }
  if (g.length === 0) {
    read.warnings.push(warn('parse.s4_no_values', 'section 四 table has no values'));
    return read;
  }
  const set = (vals: (ValueToken | null)[]) => S4_CODES.forEach((c, i) => read.cells.set(c, vals[i] ?? null));
  const inGrid = g.length > 15 ? fullGridRow(g) : null;
  if (inGrid) {
    read.warnings.push(warn('parse.s4_outside_grid', `${g.length - 15} values outside section 四's table row ignored`));
    g = inGrid;
  }
  const shortGrid = !inGrid ? shortGridRow(stream, g) : null;
  if (shortGrid) {
    // The table's one row of values in a trusted grid, a cell or two unread (an OCR'd digit that fell out
    // of its cell is a line of its own below the table): each value by its cell, the numbers outside ignored.
    read.warnings.push(warn('parse.s4_outside_grid', `${g.length - shortGrid.filter((t) => t !== null).length} values outside section 四's table row ignored`));
    read.warnings.push(warn('parse.s4_cells_missing', `section 四: ${shortGrid.filter((t) => t === null).length} cell(s) of its table row empty or unreadable`));
    set(shortGrid);
    read.found = true;
    return read;
  }
  const stray = dropStray(stream, g, 15);
  if (stray) {
    read.warnings.push(warn('parse.stray_number', 'a number alone on its line inside section 四 (a page number?) ignored'));
    g = stray;
  }
  if (g.length > 15 && g[15]!.rowIndex !== g[14]!.rowIndex) {
    read.warnings.push(warn('parse.s4_trailing_values', `${g.length - 15} values after section 四 ignored`));
    g = g.slice(0, 15);
  }
  if (g.length === 15) {
    set(g);
    read.found = true;
    return read;
  }
  const placed = placeByCells(stream, g, 15, -1);
  if (placed) {
    read.warnings.push(warn('parse.s4_cells_missing', `section 四: ${placed.filter((t) => t === null).length} cell(s) of its table row empty or unreadable`));
    const blanks = blankGroups(stream, placed, g);
    if (blanks) read.warnings.push(warn('parse.s4_group_blank', `section 四: ${blanks} group(s) of five empty cells in a row that leaves zeros blank read as blanks`));
    set(placed);
    read.found = true;
    return read;
  }
  const numeric = g.every((t) => t.kind === 'number' && t.digits && !t.raw.includes('.'));
  const digitCount = numeric ? g.reduce((a, t) => a + t.digits!.length, 0) : 0;
  const evidence = g.some((t) => /^0\d/.test(t.digits ?? '') || (t.digits?.length ?? 0) >= 6);
  if (numeric && g.length < 15 && digitCount >= 15 && evidence) {
    const cands = splitDigits(g.map((t) => t.digits!), 15, { check: groupSumCheck, maxDigits: 5, limit: GLUED_LIMIT });
    read.found = true;
    if (cands.length === 1) {
      set(cands[0]!.map((v) => splitToken(g, v)));
      read.warnings.push(warn('parse.digits_split', 'section 四 glued digits split by the group totals'));
      return read;
    }
    set([]);
    if (cands.length >= GLUED_LIMIT) read.warnings.push(warn('parse.digits_ambiguous', `section 四 glued digits fit at least ${cands.length} splits; left empty`));
    else if (cands.length > 1) read.glued.push({ codes: S4_CODES, candidates: cands, tokens: g });
    else read.warnings.push(warn('parse.digits_unsplittable', 'section 四 glued digits fit no split'));
    return read;
  }
  const headRow = rowOf(stream, start);
  const columns = s4Header(stream, headRow, rowOf(stream, g[0]!.pos) + 1);
  const mapped = byGrid(g, columns);
  if (mapped) {
    read.found = true;
    for (const name of gridBlanks(stream, mapped, columns)) {
      // An empty 总计 beside numbers of its group is a total not printed, not a 0.
      const group = name.slice(0, name.lastIndexOf('.'));
      if (name.endsWith('.total') && S4_COLUMNS.some((c) => (mapped.get(`${group}.${c}`)?.value ?? 0) > 0)) {
        mapped.delete(name);
        read.warnings.push(warn('parse.total_blank', `${name}: the 总计 cell is empty beside numbers; left to the rules`, { cell: name }));
      }
    }
    set(S4_CODES.map((c) => mapped.get(c) ?? null));
    if (mapped.size < 15) read.warnings.push(warn('parse.s4_cells_missing', `section 四: ${15 - mapped.size} cells empty in the grid`));
    return read;
  }
  set([]);
  // A damaged table (most of its 15 values there), not a narrative quoting a number of cases.
  read.found = m !== null && g.length >= 8 && new Set(g.map((t) => t.rowIndex)).size <= 3;
  read.warnings.push(incomplete('parse.s4_incomplete', g.length, 15));
  if (read.found) read.unplaced.set('s4', g.flatMap((t) => (t.kind === 'number' ? [t.value!] : [])));
  return read;
}
