/** Grid positions of an abstract table's cells (the HTML table model: rowspans cover the rows below). */
import type { TCell, TRow, TTable } from './types.ts';

export interface Slot {
  /** The cell that starts here, or null when the slot is covered by a span or empty. */
  cell: TCell | null;
  /** The cell covering this slot from above or from the left (for covered slots). */
  owner: TCell | null;
}

/** A dense grid: slots[r][c] for every row and column. */
export function layout(table: TTable): { slots: Slot[][]; width: number; starts: Map<TCell, { row: number; col: number }> } {
  const occupied: (TCell | null)[][] = table.rows.map(() => []);
  const starts = new Map<TCell, { row: number; col: number }>();
  let width = 0;
  table.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (occupied[r]![c]) c++;
      starts.set(cell, { row: r, col: c });
      for (let dr = 0; dr < (cell.rowSpan ?? 1) && r + dr < table.rows.length; dr++) {
        for (let dc = 0; dc < (cell.colSpan ?? 1); dc++) occupied[r + dr]![c + dc] = cell;
      }
      c += cell.colSpan ?? 1;
      width = Math.max(width, c);
    }
  });
  const slots = table.rows.map((_, r) => Array.from({ length: width }, (_, c): Slot => {
    const owner = occupied[r]![c] ?? null;
    const s = owner ? starts.get(owner)! : null;
    return { cell: owner && s!.row === r && s!.col === c ? owner : null, owner };
  }));
  return { slots, width, starts };
}

/** Index of the first value cell in a row (-1 if none). */
export function firstValue(row: TRow): number {
  return row.cells.findIndex((c) => c.role === 'value');
}

/** Rows that hold value cells. */
export function dataRows(table: TTable): TRow[] {
  return table.rows.filter((r) => r.role === 'data');
}
