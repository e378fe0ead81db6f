/**
 * One HTML `<table>` → TableGrid. Rows as written (cells covered by a span are not repeated), spans clamped
 * to the table, ghost rows (hidden, or Word's empty width rows) dropped, cell text with `<br>` and block
 * breaks turned into spaces.
 */
import type { AnyNode, Element } from 'domhandler';
import type { GridCell, TableGrid } from '../src/model/document.ts';
import { warn, type Message } from '../src/model/result.ts';
import { BLOCK_TAGS, children, elementChildren, isDropped, isElement } from './html-dom.ts';
import { cleanText } from './normalise.ts';

const MAX_SPAN = 1000;

/** Rows of this table only (through thead/tbody/tfoot), never of a nested table. */
export function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of elementChildren(table)) {
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') {
      for (const r of elementChildren(c)) if (r.name === 'tr') rows.push(r);
    }
  }
  return rows;
}

export function rowCells(tr: Element): Element[] {
  return elementChildren(tr).filter((c) => (c.name === 'td' || c.name === 'th') && !isDropped(c));
}

/** Text of a cell: inline runs joined as written, `<br>` and block boundaries become spaces. */
export function cellText(n: AnyNode): string {
  const parts: string[] = [];
  const visit = (x: AnyNode): void => {
    if (x.type === 'text') {
      parts.push((x as unknown as { data: string }).data);
      return;
    }
    if (!isElement(x) || isDropped(x)) return;
    if (x.name === 'br') {
      parts.push('\n');
      return;
    }
    const block = BLOCK_TAGS.has(x.name);
    if (block) parts.push('\n');
    for (const c of children(x)) visit(c);
    if (block) parts.push('\n');
  };
  for (const c of children(n)) visit(c);
  return cleanText(parts.join(''));
}

function spanAttr(el: Element, name: string): number {
  const raw = el.attribs[name];
  if (raw === undefined) return 1;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) return 1;
  return n; // 0 = "to the end" for rowspan; clamped later
}

function isGhostRow(tr: Element, cells: Element[]): boolean {
  if (cells.length === 0) return true;
  const height = (tr.attribs.height ?? '').trim();
  const style = (tr.attribs.style ?? '').replace(/\s+/g, '').toLowerCase();
  const zeroHeight = height === '0' || /(^|;)height:0(px|pt)?(;|$)/.test(style);
  return zeroHeight && cells.every((c) => cellText(c) === '');
}

interface Placed {
  cell: GridCell;
  row: number;
  col: number;
}

export interface HtmlTableResult {
  grid: TableGrid;
  caption?: string;
  warnings: Message[];
}

/** Converts a table element; `index` is the table's index in the document. */
export function htmlTable(table: Element, index: number): HtmlTableResult {
  const warnings: Message[] = [];
  const trs = tableRows(table).filter((tr) => !isDropped(tr));
  const kept = trs.map((tr) => ({ tr, cells: rowCells(tr) })).filter((r) => !isGhostRow(r.tr, r.cells));
  const nRows = kept.length;
  const occupied: boolean[][] = kept.map(() => []);
  const placed: Placed[][] = kept.map(() => []);
  let clamped = false;
  kept.forEach(({ cells }, r) => {
    let col = 0;
    for (const el of cells) {
      while (occupied[r][col]) col++;
      let colSpan = spanAttr(el, 'colspan');
      let rowSpan = spanAttr(el, 'rowspan');
      if (colSpan < 1 || colSpan > MAX_SPAN) { colSpan = Math.min(Math.max(colSpan, 1), MAX_SPAN); clamped = true; }
      if (rowSpan === 0) rowSpan = nRows - r;
      if (rowSpan < 1) { rowSpan = 1; clamped = true; }
      if (r + rowSpan > nRows) { rowSpan = nRows - r; clamped = true; }
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) occupied[r + dr][col + dc] = true;
      placed[r].push({ cell: { text: cellText(el), colSpan, rowSpan }, row: r, col });
      col += colSpan;
    }
  });
  // Trailing rows with no text and no spans (Word's width rows after conversion) carry nothing.
  while (placed.length > 0) {
    const last = placed[placed.length - 1];
    const r = placed.length - 1;
    const coveredFromAbove = placed.slice(0, r).some((row) => row.some((p) => p.row + p.cell.rowSpan > r));
    if (coveredFromAbove || last.some((p) => p.cell.text !== '' || p.cell.rowSpan > 1)) break;
    placed.pop();
    occupied.pop();
  }
  if (clamped) warnings.push(warn('html.span_clamped', `table ${index}: a rowspan/colspan ran past the table and was clamped`));
  const widths = occupied.map((row) => row.length);
  const width = Math.max(0, ...widths);
  const ragged = widths.some((w) => w !== width);
  if (ragged) warnings.push(warn('html.table_ragged', `table ${index}: rows have different widths (${[...new Set(widths)].join('/')})`));
  const caption = elementChildren(table).find((c) => c.name === 'caption');
  return {
    grid: { index, rows: placed.map((row) => row.map((p) => p.cell)), reliableColumns: !ragged && width > 0 },
    caption: caption ? cellText(caption) || undefined : undefined,
    warnings,
  };
}

/** A table used for page layout rather than data: it holds another table, or is a single cell. */
export function isLayoutTable(table: Element): boolean {
  const rows = tableRows(table);
  const cells = rows.flatMap(rowCells);
  if (cells.length <= 1) return true;
  const nested = (n: AnyNode): boolean =>
    elementChildren(n).some((c) => c.name === 'table' || (!isDropped(c) && nested(c)));
  return cells.some(nested);
}
