/**
 * Borderless tables: runs of text lines whose words fall into aligned columns. Columns are the white-space
 * "rivers" between the chunks of the fullest rows; wrapped label lines join the nearest row. Used when a
 * page has no ruling lines around the table (and for OCR of pages without visible borders).
 */
import type { GridCell } from '../src/model/document.ts';
import { wordHeight, type Word } from './layout-types.ts';
import { lineText, minConfidence } from './pdf-lines.ts';
import { cleanText } from './normalise.ts';

export interface ColumnTable {
  y: number;
  rows: GridCell[][];
  reliableColumns: boolean;
}

interface Chunk {
  text: string;
  x0: number;
  x1: number;
  words: Word[];
}

const NUMERIC = /^[-+]?[\d,，.]+%?$/;
const ROW_START = /^(（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d+[.．、])/;

function chunks(line: Word[]): Chunk[] {
  const out: Chunk[] = [];
  let cur: Word[] = [];
  const emit = () => {
    if (cur.length) out.push({ text: lineText(cur), x0: cur[0].x0, x1: cur[cur.length - 1].x1, words: cur });
    cur = [];
  };
  for (const w of line) {
    const prev = cur[cur.length - 1];
    if (prev && w.x0 - prev.x1 > 1.2 * wordHeight(w)) emit();
    cur.push(w);
  }
  emit();
  return out;
}

function isColumnar(cs: Chunk[]): boolean {
  return cs.length >= 3 || (cs.length === 2 && NUMERIC.test(cs[1].text));
}

/** Column intervals from the chunks of the fullest rows (overlapping chunks merged). */
function rivers(rows: Chunk[][]): { x0: number; x1: number }[] {
  const max = Math.max(...rows.map((r) => r.length));
  const spans = rows.filter((r) => r.length === max).flat().map((c) => ({ x0: c.x0, x1: c.x1 })).sort((a, b) => a.x0 - b.x0);
  const cols: { x0: number; x1: number }[] = [];
  for (const s of spans) {
    const last = cols[cols.length - 1];
    if (last && s.x0 <= last.x1 + 1) last.x1 = Math.max(last.x1, s.x1);
    else cols.push({ ...s });
  }
  return cols;
}

function placeRow(cs: Chunk[], cols: { x0: number; x1: number }[]): { cells: GridCell[]; clean: boolean } {
  const slots: Chunk[][] = cols.map(() => []);
  const spans: number[] = cols.map(() => 1);
  let clean = true;
  for (const c of cs) {
    const hit = cols.map((col, i) => ({ i, o: Math.min(col.x1, c.x1) - Math.max(col.x0, c.x0) })).filter((h) => h.o > 0 || (c.x0 >= cols[h.i].x0 - 2 && c.x1 <= cols[h.i].x1 + 2));
    const nearest = cols.reduce((b, col, i) => (Math.abs((col.x0 + col.x1) / 2 - (c.x0 + c.x1) / 2) < Math.abs((cols[b].x0 + cols[b].x1) / 2 - (c.x0 + c.x1) / 2) ? i : b), 0);
    const first = hit.length > 0 ? hit[0].i : nearest;
    if (hit.length === 0) clean = false;
    if (slots[first].length > 0) clean = false;
    slots[first].push(c);
    if (hit.length > 1) spans[first] = Math.max(spans[first], hit[hit.length - 1].i - first + 1);
  }
  const cells: GridCell[] = [];
  for (let i = 0; i < cols.length; ) {
    const words = slots[i].flatMap((c) => c.words);
    const cell: GridCell = { text: cleanText(slots[i].map((c) => c.text).join(' ')), colSpan: spans[i], rowSpan: 1 };
    const conf = minConfidence(words);
    if (conf !== undefined) cell.confidence = conf;
    for (let k = i + 1; k < i + spans[i]; k++) if (slots[k].length > 0) clean = false;
    cells.push(cell);
    i += spans[i];
  }
  return { cells, clean };
}

/** Finds borderless tables among text lines (top to bottom); returns them and the remaining lines. */
export function findColumnTables(lines: Word[][]): { tables: ColumnTable[]; rest: Word[][] } {
  const cs = lines.map(chunks);
  const col = cs.map(isColumnar);
  const tables: ColumnTable[] = [];
  const used = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    if (!col[i]) { i++; continue; }
    // Extend the run over columnar lines, tolerating up to 2 short non-columnar (wrapped label) lines.
    let j = i;
    let end = i;
    while (j + 1 < lines.length) {
      if (col[j + 1]) { j++; end = j; continue; }
      const gapOk = (k: number) => k < lines.length && !col[k] && cs[k].length === 1 && Math.abs(cs[k][0].x0 - cs[i][0].x0) < 3 * wordHeight(lines[k][0]);
      if (gapOk(j + 1) && (col[j + 2] || (gapOk(j + 2) && col[j + 3]))) { j++; continue; }
      break;
    }
    const idx = Array.from({ length: end - i + 1 }, (_, k) => i + k);
    const dataIdx = idx.filter((k) => col[k]);
    // Rows of a data table carry numbers; prose with stray marks (OCR specks) does not.
    const numericRows = dataIdx.filter((k) => cs[k].some((c) => NUMERIC.test(c.text))).length;
    const enoughRows = dataIdx.length >= 3 || (dataIdx.length >= 2 && dataIdx.every((k) => cs[k].length >= 3));
    if (enoughRows && numericRows >= 2 && numericRows * 2 >= dataIdx.length) {
      const cols = rivers(dataIdx.map((k) => cs[k]));
      let reliable = cols.length >= 2;
      const rows: { k: number; cells: GridCell[] }[] = [];
      for (const k of dataIdx) {
        const r = placeRow(cs[k], cols);
        reliable &&= r.clean;
        rows.push({ k, cells: r.cells });
      }
      for (const k of idx.filter((k) => !col[k])) {
        const text = lineText(lines[k]);
        const before = rows.filter((r) => r.k < k).pop();
        const after = rows.find((r) => r.k > k);
        const target = ROW_START.test(text) ? (after ?? before) : (before ?? after);
        if (target) target.cells[0].text = cleanText(target === after && target.k > k ? `${text}\n${target.cells[0].text}` : `${target.cells[0].text}\n${text}`);
      }
      tables.push({ y: Math.min(...lines[i].map((w) => w.y0)), rows: rows.map((r) => r.cells), reliableColumns: reliable });
      for (const k of idx) used.add(k);
      i = end + 1;
    } else i = end + 1;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}
