/**
 * Ruled tables → TableGrid rows, and joining a table that continues on the next page (same columns):
 * rows appended, and an empty group-label cell at the top of the continuation merged into the label above.
 */
import type { GridCell } from '../src/model/document.ts';
import { blockText, minConfidence } from './pdf-lines.ts';
import type { RuledCell, RuledTable } from './pdf-ruled.ts';

const X_TOL = 3.5;

/** A ruled table placed on a page, kept in ruled form until pages are joined. */
export interface PlacedTable {
  page: number;
  table: RuledTable;
  /** True when nothing but margins follows it on its page / precedes it on its page. */
  lastOnPage: boolean;
  firstOnPage: boolean;
}

function cellText(c: RuledCell): string {
  return c.joinedText ?? blockText(c.words);
}

/** A label that starts a row of its own: （三）, (3), 三、, 3. */
export const ROW_MARKER = /^(（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+\s*[.．、])/;

/** Rows as written; rows that start no cell (all covered from above) are collapsed. */
export function ruledToRows(t: RuledTable): GridCell[][] {
  const nR = t.ys.length - 1;
  const starts = Array.from({ length: nR }, (_, r) => t.cells.some((c) => c.r0 === r));
  const newIndex: number[] = [];
  let k = 0;
  for (let r = 0; r <= nR; r++) {
    newIndex[r] = k;
    if (r < nR && starts[r]) k++;
  }
  const rows: GridCell[][] = Array.from({ length: k }, () => []);
  const sorted = [...t.cells].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  for (const c of sorted) {
    const cell: GridCell = {
      text: cellText(c),
      colSpan: c.c1 - c.c0,
      rowSpan: Math.max(1, newIndex[c.r1] - newIndex[c.r0]),
      bbox: [t.xs[c.c0], t.ys[c.r0], t.xs[c.c1], t.ys[c.r1]],
    };
    const conf = minConfidence(c.words);
    if (conf !== undefined) cell.confidence = conf;
    rows[newIndex[c.r0]].push(cell);
  }
  return rows;
}

/** Two fragments continue each other when their outer edges match and one's columns include the other's. */
export function sameColumns(a: RuledTable, b: RuledTable): boolean {
  const near = (x: number, xs: number[]) => xs.some((y) => Math.abs(x - y) <= X_TOL);
  if (Math.abs(a.xs[0] - b.xs[0]) > X_TOL || Math.abs(a.xs[a.xs.length - 1] - b.xs[b.xs.length - 1]) > X_TOL) return false;
  return a.xs.every((x) => near(x, b.xs)) || b.xs.every((x) => near(x, a.xs));
}

function unionXs(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q)) {
    if (out.length > 0 && x - out[out.length - 1] <= X_TOL) continue;
    out.push(x);
  }
  return out;
}

function remap(cells: RuledCell[], from: number[], to: number[], rowOffset: number): RuledCell[] {
  const idx = (x: number) => to.reduce((best, y, i) => (Math.abs(y - x) < Math.abs(to[best] - x) ? i : best), 0);
  return cells.map((c) => ({ ...c, r0: c.r0 + rowOffset, r1: c.r1 + rowOffset, c0: idx(from[c.c0]), c1: idx(from[c.c1]) }));
}

const hasHan = (s: string) => /\p{Script=Han}/u.test(s);

/**
 * Appends `b` below `a`. A cell of b's first row that is empty or continues a label (Han text without a row
 * marker such as （四） or 2.) merges into the Han label above it, when b's first row has a label further
 * right (so it is a sub-row needing its group label). Returns the joined table and the number of merges.
 */
export function joinTables(a: RuledTable, b: RuledTable): { table: RuledTable; merged: number } {
  const xs = unionXs(a.xs, b.xs);
  const nA = a.ys.length - 1;
  const top = remap(a.cells, a.xs, xs, 0);
  const bottom = remap(b.cells, b.xs, xs, nA);
  const shift = a.ys[a.ys.length - 1] - b.ys[0];
  const ys = [...a.ys, ...b.ys.slice(1).map((y) => y + shift)];
  let merged = 0;
  const firstRow = bottom.filter((c) => c.r0 === nA);
  const keep: RuledCell[] = [];
  for (const c of bottom) {
    const text = cellText(c);
    if (c.r0 === nA && (text === '' || (hasHan(text) && !ROW_MARKER.test(text)))) {
      const above = top.find((u) => u.r1 === nA && u.c0 === c.c0 && u.c1 === c.c1);
      const labelRight = firstRow.some((o) => o.c0 >= c.c1 && hasHan(cellText(o)));
      if (above && hasHan(cellText(above)) && labelRight) {
        if (text !== '') above.joinedText = cellText(above) + text;
        above.r1 = c.r1;
        merged++;
        continue;
      }
    }
    keep.push(c);
  }
  return { table: { xs, ys, cells: [...top, ...keep], rectangular: a.rectangular && b.rectangular }, merged };
}
