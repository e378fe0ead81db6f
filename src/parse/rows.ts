/**
 * Document model → a flat list of rows, each a list of cells with provenance. Paragraphs become one row
 * (cells split on tabs); table rows keep their grid column (spans expanded) when the table has one.
 * Page-number lines (「- 3 -」, 「第3页 共8页」, 「3/8」) are dropped here.
 */
import type { DocumentModel } from '../model/document.ts';
import type { Provenance } from '../model/result.ts';
import { normalizeText } from './normalize.ts';

export interface RowCell {
  text: string;
  /** Index of the cell in its row as written. */
  index: number;
  /** Grid column after span expansion (tables only). */
  gridCol?: number;
  gridSpan?: number;
  /** Rows the cell spans (tables only). */
  rowSpan?: number;
  confidence?: number;
  prov: Provenance;
}

export interface Row {
  cells: RowCell[];
  /** True when cells come from a table whose columns can be trusted. */
  reliableGrid: boolean;
  tableIndex?: number;
  /** From OCR: an empty cell may be a value the OCR lost, not a blank. */
  ocr?: boolean;
  /** Normalised text of the whole row, cells joined by a tab. */
  text: string;
}

const PAGE_NUMBER = [
  /^[-—–_]+\s*\d{1,3}\s*[-—–_]+$/, // - 3 -  (decorated on both sides: 「-9」 is a negative number)
  /^第\s*\d{1,3}\s*页(\s*[,，/]?\s*共\s*\d{1,3}\s*页)?$/,
  /^共\s*\d{1,3}\s*页\s*第\s*\d{1,3}\s*页$/,
  /^\d{1,3}\s*\/\s*\d{1,3}$/,
  /^page\s*\d+(\s*of\s*\d+)?$/i,
];

export function isPageNumber(text: string): boolean {
  const t = text.trim();
  if (/^\d+$/.test(t)) return false; // a lone number may be a value (one cell per line)
  return PAGE_NUMBER.some((re) => re.test(t));
}

function paragraphRow(text: string, prov: Provenance): Row | null {
  const norm = normalizeText(text);
  if (norm.trim() === '' && !norm.includes('\t')) return null;
  if (isPageNumber(norm)) return null;
  let offset = prov.offset ?? 0;
  const parts = norm.split('\t');
  const cells: RowCell[] = new Array(parts.length);
  for (let index = 0; index < parts.length; index++) {
    const t = parts[index]!;
    const p: Provenance = { col: index, offset };
    if (prov.page !== undefined) p.page = prov.page;
    cells[index] = { text: t, index, prov: p };
    offset += t.length + 1;
  }
  return { cells, reliableGrid: false, text: norm };
}

export function toRows(doc: DocumentModel): Row[] {
  const rows: Row[] = [];
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const row = paragraphRow(block.text, { page: block.page, offset: block.offset });
      if (row) rows.push(row);
      continue;
    }
    const t = block.table;
    const occupied: number[] = []; // per grid column: rows still covered by a rowspan from above
    t.rows.forEach((cells, r) => {
      let col = 0;
      const out: RowCell[] = [];
      cells.forEach((c, index) => {
        while ((occupied[col] ?? 0) > 0) col++;
        const span = Math.max(1, c.colSpan || 1);
        for (let k = 0; k < span; k++) occupied[col + k] = Math.max(1, c.rowSpan || 1);
        out.push({
          text: normalizeText(c.text).replace(/\s*\n\s*/g, ' '),
          index, gridCol: col, gridSpan: span, rowSpan: Math.max(1, c.rowSpan || 1), confidence: c.confidence,
          prov: { page: t.page, table: t.index, row: r, col },
        });
        col += span;
      });
      for (let k = 0; k < occupied.length; k++) if ((occupied[k] ?? 0) > 0) occupied[k]!--;
      const text = out.map((c) => c.text).join('\t');
      if (text.trim() === '' || isPageNumber(text)) return;
      rows.push({ cells: out, reliableGrid: t.reliableColumns ?? true, tableIndex: t.index, text, ...(doc.ocr ? { ocr: true } : {}) });
    });
  }
  return rows;
}
