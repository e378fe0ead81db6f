/**
 * Second OCR pass for table value cells. The whole-page pass often drops or garbles lone digits in cells
 * ("0" → "", "119" → "I19"); here every non-label cell is cut out of the cleaned raster, the cuts are stacked
 * into one strip and read once more with a digit whitelist. A repair only replaces an empty or garbled
 * first reading; two different clean numbers keep the first and mark the cell as doubtful (low confidence).
 */
import { join } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { warn, type Message } from '../src/model/result.ts';
import type { PageLayoutInput, Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { findRuledTables, type RuledCell, type RuledTable } from './pdf-ruled.ts';
import { blockText, minConfidence } from './pdf-lines.ts';
import { encodePgm, type Gray } from './raster.ts';
import { runTesseract } from './ocr-words.ts';
import { DISAGREE_CONFIDENCE, voteCell, type Reading } from './ocr-vote.ts';

/** Tesseract models asked for each digit strip: two independent readings to vote with the page reading. */
const LANGS = ['chi_sim', 'eng'];
const GAP = 24;
/** Pixels left white along each side of a cut. */
const EDGE = 6;

interface Cut {
  table: RuledTable;
  cell: RuledCell;
  /** Pixel box in the raster. */
  box: [number, number, number, number];
  first: string;
  top: number;
}

function cellBox(t: RuledTable, c: RuledCell): [number, number, number, number] {
  return [t.xs[c.c0], t.ys[c.r0], t.xs[c.c1], t.ys[c.r1]];
}

/** Largest strip height in pixels (tesseract refuses images over 32767 px a side). */
export const MAX_STRIP_HEIGHT = 8000;

/** Cuts grouped so that each group's strip stays under MAX_STRIP_HEIGHT. */
export function chunks<T extends { box: [number, number, number, number] }>(cuts: T[]): T[][] {
  const out: T[][] = [];
  let height = GAP;
  for (const c of cuts) {
    const h = c.box[3] - c.box[1] + GAP;
    if (out.length === 0 || height + h > MAX_STRIP_HEIGHT) { out.push([]); height = GAP; }
    out[out.length - 1].push(c);
    height += h;
  }
  return out;
}

/** Strip of cell cuts, each on its own band separated by white space. */
function strip(g: Gray, cuts: Cut[]): Gray {
  const width = Math.max(...cuts.map((c) => c.box[2] - c.box[0])) + 2 * GAP;
  let height = GAP;
  for (const c of cuts) { c.top = height; height += c.box[3] - c.box[1] + GAP; }
  const data = new Uint8Array(width * height).fill(255);
  for (const c of cuts) {
    const [x0, y0, x1, y1] = c.box;
    // The cut runs from border centre to border centre; its margins may hold border remnants (read as "1").
    for (let y = y0 + EDGE; y < y1 - EDGE; y++) {
      if (y < 0 || y >= g.height) continue;
      const from = Math.max(0, x0 + EDGE), to = Math.min(g.width, x1 - EDGE);
      if (to > from) data.set(g.data.subarray(y * g.width + from, y * g.width + to), (c.top + y - y0) * width + GAP + (from - x0));
    }
  }
  return { width, height, data };
}

/**
 * Re-reads the value cells of `page` (points) from `g` (the cleaned raster, pixels; `toPx` maps a point in
 * the page frame to raster pixels). Returns the page with repaired words and the messages.
 */
export async function rereadValueCells(
  page: PageLayoutInput, g: Gray, toPx: (x: number, y: number) => [number, number],
  dir: string, o: ResolvedOptions, deadline: Deadline,
): Promise<{ page: PageLayoutInput; warnings: Message[] }> {
  const { tables } = findRuledTables(page.segments, page.words);
  const cuts: Cut[] = [];
  for (const t of tables) {
    for (const c of t.cells) {
      const first = blockText(c.words);
      if (/\p{Script=Han}/u.test(first) || [...first].length > 12) continue;
      const [x0, y0, x1, y1] = cellBox(t, c);
      const [px0, py0] = toPx(x0, y0);
      const [px1, py1] = toPx(x1, y1);
      const box: [number, number, number, number] = [Math.round(px0), Math.round(py0), Math.round(px1), Math.round(py1)];
      if (box[2] - box[0] < 8 || box[3] - box[1] < 8) continue;
      cuts.push({ table: t, cell: c, box, first, top: 0 });
    }
  }
  if (cuts.length === 0 || deadline.expired()) return { page, warnings: [] };
  const warnings: Message[] = [];
  const rereads = new Map<Cut, Reading[]>();
  // Strips are cut into chunks well under tesseract's 32767 px side limit; a failed chunk keeps the first readings.
  for (const [i, chunk] of chunks(cuts).entries()) {
    if (deadline.expired()) break;
    const image = join(dir, `cells-${page.page}-${i}.pgm`);
    try {
      await writeFile(image, encodePgm(strip(g, chunk)));
      for (const lang of LANGS) {
        const read = await runTesseract(image, ['--psm', '6', '-c', 'tessedit_char_whitelist=0123456789.,-'], o, deadline, lang);
        for (const cut of chunk) {
          const h = cut.box[3] - cut.box[1];
          const mine = read.filter((w) => (w.y0 + w.y1) / 2 >= cut.top && (w.y0 + w.y1) / 2 < cut.top + h).sort((a, b) => a.x0 - b.x0);
          rereads.set(cut, [...(rereads.get(cut) ?? []), { text: mine.map((w) => w.text).join(''), confidence: minConfidence(mine) ?? 0 }]);
        }
      }
    } catch (e) {
      warnings.push(warn('ocr.reread_failed', `page ${page.page}: the digit re-read of ${chunk.length} value cell(s) failed (${(e as Error).message.slice(0, 200)}); the page reading is kept`, { where: { page: page.page } }));
    } finally {
      await rm(image, { force: true });
    }
  }
  const replaced = new Map<RuledCell, RuledTable>();
  const added: Word[] = [];
  let repaired = 0;
  let disagree = 0;
  for (const [cut, readings] of rereads) {
    const v = voteCell({ text: cut.first, confidence: minConfidence(cut.cell.words) ?? 0 }, readings);
    if (process.env.NIANBAO_OCR_DEBUG) process.stderr.write(`cell p${page.page} ${JSON.stringify(cut.first)} ${JSON.stringify(readings)} -> ${JSON.stringify(v)}\n`);
    if (!v) continue;
    const [x0, y0, x1, y1] = cellBox(cut.table, cut.cell);
    const cy = (y0 + y1) / 2;
    added.push({ text: v.text, x0: x0 + 2, x1: Math.max(x0 + 3, x1 - 2), y0: cy - 4, y1: cy + 4, confidence: v.confidence });
    if (v.kind === 'disagree') disagree++;
    else repaired++;
    replaced.set(cut.cell, cut.table);
  }
  const boxes = [...replaced.entries()].map(([c, t]) => cellBox(t, c));
  const inReplaced = (w: Word) => {
    const cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
    return boxes.some(([x0, y0, x1, y1]) => cx >= x0 && cx < x1 && cy >= y0 && cy < y1);
  };
  if (repaired) warnings.push({ code: 'ocr.cells_reread', level: 'info', message: `page ${page.page}: ${repaired} value cell(s) empty or garbled in the page OCR were read again digit by digit`, where: { page: page.page } });
  if (disagree) warnings.push(warn('ocr.digits_disagree', `page ${page.page}: ${disagree} value cell(s) read differently by the page OCR and the digit re-reads; kept with confidence ≤ ${DISAGREE_CONFIDENCE}`, { where: { page: page.page } }));
  return { page: { ...page, words: [...page.words.filter((w) => !inReplaced(w)), ...added] }, warnings };
}
