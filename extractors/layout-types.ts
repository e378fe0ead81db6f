/**
 * Geometry shared by the PDF text layer and OCR: words and ruling segments in page coordinates with the
 * origin at the top-left (y grows downwards), in PDF points for text PDFs and pixels for OCR.
 */

export interface Word {
  text: string;
  x0: number;
  x1: number;
  /** Top of the glyph box. */
  y0: number;
  /** Bottom of the glyph box (about the baseline). */
  y1: number;
  /** OCR word confidence 0–100. */
  confidence?: number;
  /** Character boxes (OCR), used to split a word that runs over a cell border. */
  chars?: { text: string; x0: number; x1: number }[];
}

/** An axis-aligned ruling line: horizontal when y0 === y1, vertical when x0 === x1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageLayoutInput {
  /** 1-based page number. */
  page: number;
  width: number;
  height: number;
  words: Word[];
  segments: Segment[];
}

export const isHorizontal = (s: Segment): boolean => s.y0 === s.y1;

export function wordHeight(w: Word): number {
  return Math.max(1, w.y1 - w.y0);
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Clusters sorted-or-not numbers: values within `tol` of the previous one join its cluster; returns means. */
export function clusterValues(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of s) {
    if (group.length > 0 && v - group[group.length - 1] > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length > 0) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}
