/** Shared pieces of the section readers: what a section reader returns, token ranges, column maps. */
import { warn, type Message } from '../model/result.ts';
import type { Stream, ValueToken } from './tokenize.ts';
import type { Row, RowCell } from './rows.ts';

/** A run of glued digits with several possible splits; the rules pick one later, or none. */
export interface Glued {
  codes: string[];
  candidates: number[][];
  tokens: ValueToken[];
}

export interface SectionRead {
  found: boolean;
  /** code → the token read for it (null: no value could be read). */
  cells: Map<string, ValueToken | null>;
  glued: Glued[];
  warnings: Message[];
  /** Rows left empty although numbers were printed in them (they could not be placed): row code → those numbers. */
  unplaced: Map<string, number[]>;
}

export function emptyRead(): SectionRead {
  return { found: false, cells: new Map(), glued: [], warnings: [], unplaced: new Map() };
}

/**
 * Tokens after the label text at `from` up to the label text at `to`. A token's pos is the label length
 * before it, so a token at exactly `from` precedes that label and belongs to what came before.
 */
export function tokensIn(stream: Stream, from: number, to: number): ValueToken[] {
  return stream.tokens.filter((t) => t.pos > from && t.pos <= to);
}

/** A synthetic token for a value cut out of glued digits. */
export function splitToken(source: ValueToken[], value: number): ValueToken {
  const first = source[0]!;
  return { ...first, kind: 'number', value, raw: source.map((t) => t.raw).join(' '), digits: String(value) };
}

/**
 * Grid columns of header labels found in the given rows (reliable grids only): label key → grid column,
 * in reading order of the first match of each key.
 */
export function headerColumns(stream: Stream, rowFrom: number, rowTo: number, keys: [string, RegExp][]): Map<string, number> {
  const out = new Map<string, number>();
  for (let r = Math.max(0, rowFrom); r < rowTo && r < stream.rows.length; r++) {
    const row = stream.rows[r]!;
    if (!row.reliableGrid) continue;
    for (const cell of row.cells) {
      const text = cell.text.replace(/\s+/g, '');
      for (const [name, re] of keys) {
        if (!out.has(name) && re.test(text) && cell.gridCol !== undefined) out.set(name, cell.gridCol);
      }
    }
  }
  return out;
}

/** Maps tokens to columns by grid column; null when a token has no column or two share one. */
export function byGrid(tokens: ValueToken[], columns: Map<string, number>): Map<string, ValueToken> | null {
  const byCol = new Map<number, string>();
  for (const [name, col] of columns) byCol.set(col, name);
  const out = new Map<string, ValueToken>();
  for (const t of tokens) {
    if (t.gridCol === undefined) return null;
    const name = byCol.get(t.gridCol);
    if (!name || out.has(name)) return null;
    out.set(name, t);
  }
  return out;
}

/**
 * A trusted grid's empty cells in the header's columns that the tokens left unmapped, in a row that has
 * numbers: zeros the table left blank, also at the row's edges (some reports leave every 0 empty). Only a
 * cell standing alone counts (a merged span lost its values instead), never an OCR cell (its emptiness may
 * be a lost digit). Adds them to `mapped` as blanks and returns their names.
 */
/**
 * A blank 0 for an empty grid cell standing alone (not a merged span, which lost its values instead) in a
 * printed grid, placed beside `at` (a token of its row); null for any other cell, and always in OCR, where
 * an empty cell may be a lost digit.
 */
function blankCell(row: Row, cell: RowCell, at: ValueToken): ValueToken | null {
  if (cell.text.trim() !== '' || (cell.gridSpan ?? 1) !== 1 || (cell.rowSpan ?? 1) !== 1 || row.ocr) return null;
  return blankToken(cell, at.rowIndex, at.pos);
}

/** A blank (an empty cell read as 0 where the rules do not say otherwise) for a trusted grid's `cell`. */
export function blankToken(cell: RowCell, rowIndex: number, pos: number): ValueToken {
  return { kind: 'blank', value: null, raw: '', pos, rowIndex, gridCol: cell.gridCol, reliableGrid: true, prov: cell.prov };
}

/** `tokens` of trusted grids (with a grid column) by the grid row they stand on, in order. */
export function gridRows(tokens: ValueToken[]): Map<number, ValueToken[]> {
  const rows = new Map<number, ValueToken[]>();
  for (const t of tokens) if (t.reliableGrid && t.gridCol !== undefined) rows.set(t.rowIndex, [...(rows.get(t.rowIndex) ?? []), t]);
  return rows;
}

export function gridBlanks(stream: Stream, mapped: Map<string, ValueToken>, columns: Map<string, number>): string[] {
  const tokens = [...mapped.values()];
  const first = tokens[0];
  if (!first || !first.reliableGrid || !tokens.some((t) => t.kind === 'number') || tokens.some((t) => t.rowIndex !== first.rowIndex)) return [];
  const row = stream.rows[first.rowIndex]!;
  const added: string[] = [];
  for (const [name, col] of columns) {
    if (mapped.has(name)) continue;
    const cell = row.cells.find((c) => c.gridCol === col);
    const blank = cell ? blankCell(row, cell, first) : null;
    if (!blank) continue;
    mapped.set(name, blank);
    added.push(name);
  }
  return added;
}

export function rowOf(stream: Stream, pos: number): number {
  let lo = 0;
  let hi = stream.rowPos.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (stream.rowPos[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const incomplete = (code: string, got: number, want: number, cell?: string): Message =>
  warn(code, `expected ${want} values, found ${got}${cell ? ` for ${cell}` : ''}: left empty`, { cell });

/** A token alone on a line of its own (a bare page number between table rows looks like this). */
function isolated(stream: Stream, t: ValueToken): boolean {
  const row = stream.rows[t.rowIndex]!;
  return row.cells.filter((c) => c.text.trim() !== '').length === 1 && stream.tokens.filter((o) => o.rowIndex === t.rowIndex).length === 1;
}

/**
 * One value too many, and exactly one of them stands alone on its own line while the others share
 * lines: that one is a stray number (page number), dropped. In one-cell-per-line text nothing is dropped.
 */
export function dropStray(stream: Stream, g: ValueToken[], width: number): ValueToken[] | null {
  if (g.length !== width + 1) return null;
  const alone = g.filter((t) => isolated(stream, t));
  if (alone.length !== 1 || g.length - alone.length < 2) return null;
  return g.filter((t) => t !== alone[0]);
}

/**
 * A row that kept one value, printed in its last cell after at least five empty cells: the value is
 * the row's 总计 (merged cells lost the others).
 */
export function loneTotal(stream: Stream, g: ValueToken[]): boolean {
  if (g.length !== 1 || g[0]!.kind !== 'number' || g[0]!.reliableGrid) return false;
  const t = g[0]!;
  const cells = stream.rows[t.rowIndex]!.cells;
  const at = t.prov.col ?? -1;
  if (at < 0 || cells[at]?.text.trim() !== t.raw.trim()) return false;
  if (cells.slice(at + 1).some((c) => c.text.trim() !== '')) return false;
  let empties = 0;
  for (let k = at - 1; k >= 0 && cells[k]!.text.trim() === ''; k--) empties++;
  return empties >= 5 && at - empties > 0;
}

/**
 * A short row of a trusted grid placed by its cells: when the row has exactly `n` cells after grid column
 * `afterCol`, each value goes to its own cell's place; an empty cell is a blank 0 in a row with numbers
 * (never in OCR, where emptiness may be a lost digit), else it stays empty (null).
 */
export function placeByCells(stream: Stream, g: ValueToken[], n: number, afterCol: number): (ValueToken | null)[] | null {
  if (g.length === 0 || g.length >= n || !g.every((t) => t.reliableGrid && t.rowIndex === g[0]!.rowIndex && t.gridCol !== undefined)) return null;
  const row = stream.rows[g[0]!.rowIndex]!;
  const cells = row.cells.filter((c) => (c.gridCol ?? -1) > afterCol);
  if (cells.length !== n || !g.every((t) => cells.some((c) => c.gridCol === t.gridCol))) return null;
  if (cells.some((c) => /\p{Script=Han}{2}/u.test(c.text) && !g.some((t) => t.gridCol === c.gridCol))) return null; // a label among them
  const numbers = g.some((t) => t.kind === 'number');
  return cells.map((c) => g.find((x) => x.gridCol === c.gridCol) ?? (numbers ? blankCell(row, c, g[0]!) : null));
}

/** Words, with no digits but an item's leading number (「2.其他法律行政法规禁止公开」, 「（三）不予公开」). */
const isWordsCell = (text: string): boolean =>
  /\p{Script=Han}/u.test(text) && !/\d/.test(text.replace(/^\s*[（(]?\s*\d{1,2}\s*[)）.．、]/u, ''));

/** A short grid row after its label cell (the last cell of words only before its values), placed by its cells. */
export function shortRow(stream: Stream, g: ValueToken[], n: number): (ValueToken | null)[] | null {
  if (g.length === 0) return null;
  const row = stream.rows[g[0]!.rowIndex]!;
  // The last words cell before the first value that leaves `n` cells after it: a character OCR read in a value
  // cell (「件」 for 0) is no label.
  const firstValue = Math.min(...g.map((t) => t.gridCol ?? Infinity));
  const labelCols = row.cells.filter((c) => isWordsCell(c.text) && (c.gridCol ?? -1) < firstValue).map((c) => c.gridCol ?? -1).sort((a, b) => b - a);
  for (const col of labelCols) {
    if (col < 0) break;
    const placed = placeByCells(stream, g, n, col);
    if (placed) return placed;
  }
  return null;
}
