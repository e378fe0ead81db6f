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

function cellText(c: RuledCell, right?: number): string {
  return c.joinedText ?? blockText(c.words, right);
}

/** No Han characters and no digits: empty, or only marks (OCR specks). */
const blank = (text: string) => !/[\p{Script=Han}\d]/u.test(text);

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
      text: cellText(c, t.xs[c.c1]),
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

const NUMBER = /^[-+]?[\d,，.]+%?$/;

/** Label text continuing from the row above: Han text that does not start a row of its own. */
function continues(text: string): boolean {
  return hasHan(text) && !ROW_MARKER.test(text);
}

/** The tail of a number wrapped in a narrow cell: a few digits. */
const DIGIT_TAIL = /^\d{1,3}$/;

/**
 * A row split by the page break: every cell of b's first row sits under a cell ending a's last row with the
 * same columns, and each pair is (empty, anything), (anything, empty) or (label, label continuation), with at
 * least one continuation — or b's first row is entirely empty (the empty bottom part of a split row) — or b's
 * first row has no words but a few digits, each under a number (the tails of numbers wrapped in narrow cells:
 * a row of its own always has a label, and a table's label-less row of numbers never follows a row of numbers).
 */
function splitRow(top: RuledCell[], firstRow: RuledCell[], nA: number): Map<RuledCell, RuledCell> | undefined {
  const pairs = new Map<RuledCell, RuledCell>();
  let continued = false;
  let tails = 0;
  const marks = new Set<RuledCell>();
  for (const c of firstRow) {
    const above = top.find((u) => u.r1 === nA && u.c0 === c.c0 && u.c1 === c.c1);
    if (!above) return undefined;
    const t = cellText(c);
    const u = cellText(above);
    const tail = DIGIT_TAIL.test(t.trim()) && NUMBER.test(u.trim()) && !blank(u);
    // A lone 1 or | under a label beside tails is a border remnant OCR read, not an item number (words lost).
    const mark = /^[1|lI!]$/.test(t.trim()) && hasHan(u) && !NUMBER.test(u);
    if (mark) marks.add(c);
    if (!blank(t) && !blank(u) && !tail && !mark && !(continues(t) && hasHan(u) && !NUMBER.test(u))) return undefined;
    if (!blank(t) && continues(t)) continued = true;
    if (tail) tails++;
    pairs.set(c, above);
  }
  const allEmpty = firstRow.every((c) => blank(cellText(c)));
  if (marks.size > 0 && tails === 0) return undefined;
  const onlyTails = tails > 0 && firstRow.every((c) => blank(cellText(c)) || marks.has(c) || DIGIT_TAIL.test(cellText(c).trim()));
  // Digits under numbers beside words of their own are a row of its own (「其他对外管理服务事项 0 0 363」 under
  // 「行政许可 10 1 879」), not tails: label words that do not open with an item number are common. Only a group
  // label further left may go on beside tails (「三、」 over 「本年度办理结果」), the row's own label cell empty.
  if (tails > 0 && !onlyTails) {
    const firstValue = Math.min(...firstRow.filter((c) => !marks.has(c) && DIGIT_TAIL.test(cellText(c).trim())).map((c) => c.c0));
    const own = firstRow.find((c) => c.c1 === firstValue);
    if (!own || !(blank(cellText(own)) || marks.has(own))) return undefined;
  }
  if (!(continued || allEmpty || onlyTails)) return undefined;
  for (const c of marks) c.joinedText = ''; // the remnant is dropped, not joined to the label above
  return pairs;
}

/**
 * Appends `b` below `a`. A row split by the page break is merged back into one row. Otherwise a cell of b's
 * first row that is empty or continues a label merges into the Han label above it, when b's first row has a
 * label further right (a sub-row that needs its group label). Returns the joined table and the merge count.
 */
export function joinTables(a: RuledTable, b: RuledTable): { table: RuledTable; merged: number } {
  const xs = unionXs(a.xs, b.xs);
  const nA = a.ys.length - 1;
  const top = remap(a.cells, a.xs, xs, 0);
  const bottom = remap(b.cells, b.xs, xs, nA);
  const shift = a.ys[a.ys.length - 1] - b.ys[0];
  const ys = [...a.ys, ...b.ys.slice(1).map((y) => y + shift)];
  const firstRow = bottom.filter((c) => c.r0 === nA);
  const split = splitRow(top, firstRow, nA);
  let merged = 0;
  const keep: RuledCell[] = [];
  for (const c of bottom) {
    const text = cellText(c);
    let above = split?.get(c);
    if (!split && c.r0 === nA && (blank(text) || continues(text))) {
      const candidate = top.find((u) => u.r1 === nA && u.c0 === c.c0 && u.c1 === c.c1);
      const labelRight = firstRow.some((o) => o.c0 >= c.c1 && hasHan(cellText(o)));
      if (candidate && hasHan(cellText(candidate)) && labelRight) above = candidate;
    }
    if (above) {
      if (!blank(text)) above.joinedText = cellText(above) + text;
      above.r1 = c.r1;
      merged++;
      continue;
    }
    keep.push(c);
  }
  return { table: { xs, ys, cells: [...top, ...keep], rectangular: a.rectangular && b.rectangular }, merged };
}
