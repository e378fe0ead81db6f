/**
 * The document model every extractor produces and the parser reads: plain JSON, cacheable per
 * (sha256, extractor version). Blocks are in reading order. Tables are grids with spans; PDF and OCR
 * sources also carry positioned text lines.
 */
export type Format = 'txt' | 'html' | 'pdf' | 'docx' | 'doc' | 'wps' | 'rtf' | 'image' | 'unknown';

export interface GridCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  /** Page coordinates [x0, y0, x1, y1] when known (PDF, OCR). */
  bbox?: [number, number, number, number];
  /** Lowest OCR word confidence (0–100) inside the cell, when the text came from OCR. */
  confidence?: number;
}

export interface TableGrid {
  /** 0-based index of the table in the document. */
  index: number;
  page?: number;
  /** Rows as written in the source: a cell covered by a span from above is NOT repeated. */
  rows: GridCell[][];
  /**
   * True when the column structure is trustworthy (HTML/DOCX tables, or PDF columns rebuilt with
   * confidence), so a value's column can be taken from its grid position.
   */
  reliableColumns?: boolean;
}

export interface PositionedItem {
  text: string;
  x: number;
  width: number;
  confidence?: number;
}

export interface TextLine {
  text: string;
  page: number;
  y: number;
  items: PositionedItem[];
}

export type Block =
  | { kind: 'paragraph'; text: string; page?: number; heading?: number; offset?: number }
  | { kind: 'table'; table: TableGrid };

export interface DocumentModel {
  format: Format;
  blocks: Block[];
  /** Positioned lines (PDF text and OCR only), page by page in reading order. */
  lines?: TextLine[];
  pages?: number;
  /** Title from the source when it has one (HTML <title>, PDF metadata). */
  title?: string;
  /** The charset the bytes were decoded with (HTML, text). */
  charset?: string;
  /** True when the text came from OCR. */
  ocr?: boolean;
}
