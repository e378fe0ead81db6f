/** Structural edits of an abstract table that keep its spans consistent: wrap a row, split at a page break, shift. */
import { layout } from './grid.ts';
import type { TCell, TRow, TTable } from './types.ts';

const filler = (colSpan: number): TCell => ({ text: '', role: 'filler', ...(colSpan > 1 ? { colSpan } : {}) });

/**
 * Row r's values move to a new row below it (seed 000: 「(一) 予以公开」 then the numbers on the next line).
 * Spans that cover row r grow by one so the grid stays rectangular.
 */
export function wrapRow(table: TTable, r: number): void {
  const { starts } = layout(table);
  const row = table.rows[r]!;
  for (const [cell, s] of starts) {
    if ((cell.rowSpan ?? 1) > 1 && s.row <= r && s.row + cell.rowSpan! > r) cell.rowSpan! += 1;
  }
  const labelWidth = row.cells.filter((c) => c.role !== 'value' && (c.rowSpan ?? 1) === 1).reduce((w, c) => w + (c.colSpan ?? 1), 0);
  const values = row.cells.filter((c) => c.role === 'value');
  const top: TRow = { role: 'data', cells: row.cells.map((c) => (c.role === 'value' ? filler(c.colSpan ?? 1) : c)) };
  const bottom: TRow = { ...row, cells: [...(labelWidth > 0 ? [filler(labelWidth)] : []), ...values] };
  table.rows.splice(r, 1, top, bottom);
}

/**
 * Splits a table before row k (a page break): the first part keeps rows < k, the second repeats the
 * header rows (when asked) and continues; cells spanning the break are cut and continued.
 */
export function splitTable(table: TTable, k: number, repeatHeader: boolean, repeatGroupText: boolean): [TTable, TTable] {
  const { starts } = layout(table);
  const first: TTable = { ...table, rows: table.rows.slice(0, k).map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c })) })) };
  const header = repeatHeader ? structuredClone(table.rows.filter((r) => r.role === 'header')) : [];
  const rest = structuredClone(table.rows.slice(k));
  const carry: { col: number; cell: TCell }[] = [];
  table.rows.slice(0, k).forEach((row, r) => row.cells.forEach((cell, i) => {
    const span = cell.rowSpan ?? 1;
    if (r + span > k) {
      first.rows[r]!.cells[i]!.rowSpan = k - r;
      carry.push({ col: starts.get(cell)!.col, cell: { ...cell, text: repeatGroupText ? cell.text : '', rowSpan: r + span - k } });
    }
  }));
  if (rest.length > 0 && carry.length > 0) {
    const cols = table.rows[k]!.cells.map((c) => starts.get(c)!.col);
    const cells = [...rest[0]!.cells];
    for (const { col, cell } of carry.sort((a, b) => b.col - a.col)) {
      const at = cols.findIndex((c) => c > col);
      cells.splice(at === -1 ? cells.length : at, 0, cell);
      cols.splice(at === -1 ? cols.length : at, 0, col);
    }
    rest[0] = { ...rest[0]!, cells };
  }
  return [first, { ...table, rows: [...header, ...rest] }];
}

/** Drops rows from `cut` on; spans reaching past the end are shortened. */
export function truncateTable(table: TTable, cut: number): void {
  const { starts } = layout(table);
  for (const [cell, s] of starts) {
    if (s.row < cut && s.row + (cell.rowSpan ?? 1) > cut) cell.rowSpan = cut - s.row;
  }
  table.rows.splice(cut);
}

/** Applies a row's shift to the tokens of a text rendering (expand mode); false when it cannot move. */
export function shiftTokens(tokens: string[], valueAt: number, shift: -1 | 1): boolean {
  if (shift === 1) {
    tokens.splice(valueAt, 0, '');
    return true;
  }
  for (let i = valueAt - 1; i >= 0; i--) {
    if (tokens[i] === '') {
      tokens.splice(i, 1);
      tokens.push('');
      return true;
    }
  }
  return false;
}

/** Applies a row's shift to its HTML cells. */
export function shiftCells(row: TRow): TCell[] {
  const cells = [...row.cells];
  const v = cells.findIndex((c) => c.role === 'value');
  if (v < 0 || !row.shift) return cells;
  if (row.shift === 1) {
    cells.splice(v, 0, filler(1));
    return cells;
  }
  const wide = cells.findIndex((c, i) => i < v && (c.colSpan ?? 1) > 1 && (c.rowSpan ?? 1) === 1);
  if (wide >= 0) {
    cells[wide] = { ...cells[wide]!, colSpan: cells[wide]!.colSpan! - 1 };
    cells.push(filler(1));
  } else {
    cells.splice(v, 0, filler(1));
  }
  return cells;
}
