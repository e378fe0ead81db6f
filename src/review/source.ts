/**
 * Where a cell sits in its source, for the report page: from the cell's provenance and the stored document
 * model. A PDF (text or scan) shows the page image with the cell's region marked (its grid cell's box, or the
 * text line it was read from); an HTML / Word table shows the extracted table with the cell marked; plain
 * text shows the lines around the cell's offset. Pure (the caller loads the model).
 */
import type { DocumentModel, TableGrid } from '../model/document.ts';
import type { Provenance } from '../model/result.ts';

export type Box = [number, number, number, number];

export interface TextLineView {
  text: string;
  /** The part of the line the cell was read from ([start, end) characters), when this is its line. */
  mark?: [number, number];
}

export interface TableView {
  index: number;
  rows: { text: string; colSpan: number; rowSpan: number; mark?: boolean }[][];
}

export interface SourceView {
  /** The PDF page the cell is on (1-based), with the region in PDF points (origin top left). */
  page: number | null;
  boxes: Box[];
  table: TableView | null;
  text: TextLineView[] | null;
  /** Why nothing can be shown (a derived cell has no place in the source). */
  note: string | null;
}

const CONTEXT_LINES = 8;
/** A text line's height when the model does not say (PDF points). */
const LINE_HEIGHT = 14;

function tableOf(doc: DocumentModel, index: number): TableGrid | undefined {
  for (const b of doc.blocks) if (b.kind === 'table' && b.table.index === index) return b.table;
  return undefined;
}

/** The cell of a written row that covers grid column `col` (spans expanded as the parser does). */
function cellAt(t: TableGrid, row: number, col: number): number {
  const occupied: number[] = [];
  for (let r = 0; r <= row && r < t.rows.length; r++) {
    let g = 0;
    const cells = t.rows[r]!;
    for (let i = 0; i < cells.length; i++) {
      while ((occupied[g] ?? 0) > 0) g++;
      const span = Math.max(1, cells[i]!.colSpan || 1);
      if (r === row && col >= g && col < g + span) return i;
      for (let k = 0; k < span; k++) occupied[g + k] = Math.max(1, cells[i]!.rowSpan || 1);
      g += span;
    }
    for (let k = 0; k < occupied.length; k++) occupied[k] = Math.max(0, (occupied[k] ?? 0) - 1);
  }
  return -1;
}

function tableView(t: TableGrid, row: number | undefined, col: number | undefined): { view: TableView; box: Box | null } {
  const at = row !== undefined && col !== undefined ? cellAt(t, row, col) : -1;
  let box: Box | null = null;
  const rows = t.rows.map((cells, r) =>
    cells.map((c, i) => {
      const hit = r === row && i === at;
      if (hit && c.bbox) box = c.bbox;
      return { text: c.text, colSpan: c.colSpan || 1, rowSpan: c.rowSpan || 1, ...(hit ? { mark: true } : {}) };
    }),
  );
  return { view: { index: t.index, rows }, box };
}

/**
 * The paragraphs around a text offset, the cell's part marked: its tab-separated piece `col` (offsets count
 * the parser's normalised text, which may be shorter than the paragraph as stored, so the piece is found by
 * its index).
 */
function textAround(doc: DocumentModel, offset: number, col: number): { lines: TextLineView[]; page: number | null; line: string | null } | null {
  const paras = doc.blocks.filter((b) => b.kind === 'paragraph' && b.offset !== undefined) as { text: string; offset: number; page?: number }[];
  const i = paras.findIndex((p) => offset >= p.offset && offset <= p.offset + p.text.length);
  if (i < 0) return null;
  const p = paras[i]!;
  const parts = p.text.split('\t');
  const k = Math.min(Math.max(0, col), parts.length - 1);
  const start = parts.slice(0, k).reduce((n, x) => n + x.length + 1, 0);
  const lines = paras.slice(Math.max(0, i - CONTEXT_LINES), i + CONTEXT_LINES + 1).map((q) => ({ text: q.text }) as TextLineView);
  lines[Math.min(i, CONTEXT_LINES)]!.mark = [start, start + parts[k]!.length];
  return { lines, page: p.page ?? null, line: p.text };
}

/** The box of a positioned text line of the page whose text is this paragraph's (PDF text, OCR). */
function lineBox(doc: DocumentModel, page: number, text: string): Box | null {
  const squash = (s: string) => s.replace(/\s+/g, '');
  const want = squash(text);
  const line = doc.lines?.find((l) => l.page === page && squash(l.text) === want);
  if (!line || line.items.length === 0) return null;
  const x0 = Math.min(...line.items.map((w) => w.x));
  const x1 = Math.max(...line.items.map((w) => w.x + w.width));
  return [x0, line.y - 1, x1, line.y + LINE_HEIGHT];
}

export function sourceView(doc: DocumentModel, prov: Provenance | null, rule: string | null): SourceView {
  const out: SourceView = { page: null, boxes: [], table: null, text: null, note: null };
  if (!prov || Object.keys(prov).filter((k) => k !== 'sha256' && k !== 'url').length === 0) {
    out.note = rule ? `derived by the rule ${rule}: it has no place in the source` : 'no position in the source is known for this cell';
    return out;
  }
  const pdf = doc.format === 'pdf';
  if (prov.table !== undefined) {
    const t = tableOf(doc, prov.table);
    if (t) {
      const { view, box } = tableView(t, prov.row, prov.col);
      out.table = view;
      if (pdf) {
        out.page = t.page ?? prov.page ?? null;
        if (box) out.boxes.push(box);
      }
    }
  } else if (prov.offset !== undefined) {
    const around = textAround(doc, prov.offset, prov.col ?? 0);
    if (around) {
      out.text = around.lines;
      if (pdf && around.page !== null) {
        out.page = around.page;
        const box = around.line ? lineBox(doc, around.page, around.line) : null;
        if (box) out.boxes.push(box);
      }
    }
  }
  if (pdf && out.page === null && prov.page !== undefined) out.page = prov.page;
  if (!out.table && !out.text && out.page === null) out.note = 'the cell\'s position is not in the stored document model';
  return out;
}
