/**
 * Table cells cut out of the cleaned raster and stacked into strips (one band per cell, white gaps between)
 * so that one tesseract call reads many cells, each on its own. Strips are chunked well under tesseract's
 * 32767 px side limit, and a failed chunk only loses its re-read (the page reading stands).
 */
import { join } from 'node:path';
import { rm, writeFile } from 'node:fs/promises';
import { warn, type Message } from '../src/model/result.ts';
import type { Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import type { RuledCell, RuledTable } from './pdf-ruled.ts';
import { blockText } from './pdf-lines.ts';
import { encodePgm, type Gray } from './raster.ts';
import { runTesseract, runTesseractPages } from './ocr-words.ts';

/** Largest strip height in pixels (tesseract refuses images over 32767 px a side). */
export const MAX_STRIP_HEIGHT = 8000;
const GAP = 24;
/** Pixels left white along each side of a cut: the cut runs from border centre to border centre. */
export const EDGE = 6;

export interface Cut {
  table: RuledTable;
  cell: RuledCell;
  /** Pixel box in the raster. */
  box: [number, number, number, number];
  /** The page OCR's text of the cell. */
  first: string;
  /** Top of the cut's band in its strip (set by `strip`). */
  top: number;
}

export function cellBox(t: RuledTable, c: RuledCell): [number, number, number, number] {
  return [t.xs[c.c0], t.ys[c.r0], t.xs[c.c1], t.ys[c.r1]];
}

/** Cells of ruled tables (from `findRuledTables`) that `keep` accepts, with pixel boxes (`toPx`: points → pixels). */
export function cellCuts(tables: RuledTable[], toPx: (x: number, y: number) => [number, number], keep: (first: string, cell: RuledCell) => boolean): Cut[] {
  const cuts: Cut[] = [];
  for (const t of tables) {
    for (const c of t.cells) {
      const first = blockText(c.words);
      if (!keep(first, c)) continue;
      const [x0, y0, x1, y1] = cellBox(t, c);
      const [px0, py0] = toPx(x0, y0);
      const [px1, py1] = toPx(x1, y1);
      const box: [number, number, number, number] = [Math.round(px0), Math.round(py0), Math.round(px1), Math.round(py1)];
      if (box[2] - box[0] < 2 * EDGE + 4 || box[3] - box[1] < 2 * EDGE + 4) continue;
      cuts.push({ table: t, cell: c, box, first, top: 0 });
    }
  }
  return cuts;
}

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

/** Gray level under which a pixel counts as ink when looking for blank columns. */
const INK = 128;

/**
 * Source columns of a cut to copy: all of them, or with `maxGap` set every run of blank columns shortened to
 * `maxGap` (full-width digits 「１ ２ １」 are spaced like separate words; squeezed, they read as one number).
 */
function columns(g: Gray, box: Cut['box'], maxGap?: number): number[] {
  const from = Math.max(0, box[0] + EDGE), to = Math.min(g.width, box[2] - EDGE);
  const y0 = Math.max(0, box[1] + EDGE), y1 = Math.min(g.height, box[3] - EDGE);
  const out: number[] = [];
  let blank = 0;
  for (let x = from; x < to; x++) {
    let ink = false;
    if (maxGap !== undefined) for (let y = y0; y < y1 && !ink; y++) ink = g.data[y * g.width + x] < INK;
    blank = ink ? 0 : blank + 1;
    if (maxGap === undefined || blank <= maxGap) out.push(x);
  }
  return out;
}

/** Strip of cell cuts, each on its own band separated by white space; sets each cut's `top`. */
export function strip(g: Gray, cuts: Pick<Cut, 'box' | 'top'>[], maxGap?: number): Gray {
  const cols = cuts.map((c) => columns(g, c.box, maxGap));
  const width = Math.max(1, ...cols.map((c) => c.length)) + 2 * GAP;
  let height = GAP;
  for (const c of cuts) { c.top = height; height += c.box[3] - c.box[1] + GAP; }
  const data = new Uint8Array(width * height).fill(255);
  cuts.forEach((c, i) => {
    const [, y0, , y1] = c.box;
    for (let y = y0 + EDGE; y < y1 - EDGE; y++) {
      if (y < 0 || y >= g.height) continue;
      const row = (c.top + y - y0) * width + GAP + EDGE;
      cols[i].forEach((x, j) => { data[row + j] = g.data[y * g.width + x]; });
    }
  });
  return { width, height, data };
}

/** Words of a strip reading that belong to `cut`, moved into the cut's pixel frame (tesseract's reading order). */
function wordsOf(read: Word[], cut: Cut): Word[] {
  const h = cut.box[3] - cut.box[1];
  const dx = cut.box[0] - GAP;
  const dy = cut.box[1] - cut.top;
  return read
    .filter((w) => (w.y0 + w.y1) / 2 >= cut.top && (w.y0 + w.y1) / 2 < cut.top + h)
    .map((w) => ({ ...w, x0: w.x0 + dx, x1: w.x1 + dx, y0: w.y0 + dy, y1: w.y1 + dy, ...(w.chars ? { chars: w.chars.map((c) => ({ ...c, x0: c.x0 + dx, x1: c.x1 + dx })) } : {}) }));
}

export interface StripRead {
  /** Per cut, one word list per language asked (empty when that chunk failed). */
  reads: Map<Cut, Word[][]>;
  warnings: Message[];
}

/**
 * Reads `cuts` from `g` in strips with each of `langs` and tesseract `args` (blank runs squeezed to `maxGap`
 * pixels when given: word x positions are then only approximate). Never throws for a chunk.
 */
export async function readStrips(
  g: Gray, cuts: Cut[], args: string[], langs: string[], name: string, dir: string, o: ResolvedOptions, deadline: Deadline, maxGap?: number,
): Promise<StripRead> {
  const reads = new Map<Cut, Word[][]>();
  const warnings: Message[] = [];
  for (const [i, chunk] of chunks(cuts).entries()) {
    if (deadline.expired()) break;
    const image = join(dir, `${name}-${i}.pgm`);
    try {
      await writeFile(image, encodePgm(strip(g, chunk, maxGap)));
      // The languages read the same image at once (one process each); their readings are taken in order, as
      // far as the first that failed, as when they ran one after the other.
      const settled = await Promise.allSettled(langs.map((lang) => runTesseract(image, args, o, deadline, lang)));
      for (const r of settled) {
        if (r.status === 'rejected') throw r.reason;
        for (const cut of chunk) reads.set(cut, [...(reads.get(cut) ?? []), wordsOf(r.value, cut)]);
      }
    } catch (e) {
      warnings.push(warn('ocr.reread_failed', `${name}: the re-read of ${chunk.length} table cell(s) failed (${(e as Error).message.slice(0, 200)}); the page reading is kept`));
    } finally {
      await rm(image, { force: true });
    }
  }
  return { reads, warnings };
}

/**
 * Reads each of `cuts` as an image of its own (one tesseract process per language over a list of the
 * images, so that each cell gets its own page segmentation: `--psm 7` reads it as one line). Same result
 * shape as `readStrips`; never throws.
 */
export async function readCells(
  g: Gray, cuts: Cut[], args: string[], langs: string[], name: string, dir: string, o: ResolvedOptions, deadline: Deadline, maxGap?: number,
): Promise<StripRead> {
  const reads = new Map<Cut, Word[][]>();
  const warnings: Message[] = [];
  if (cuts.length === 0 || deadline.expired()) return { reads, warnings };
  const list = join(dir, `${name}.txt`);
  const images = cuts.map((_, i) => join(dir, `${name}-${i}.pgm`));
  try {
    const lines = cuts.map((c) => lineOf(g, c.box, maxGap));
    const boxes = lines.map((l) => l.box);
    await Promise.all(lines.map((l, i) => writeFile(images[i]!, encodePgm(l.image))));
    await writeFile(list, images.join('\n') + '\n');
    const settled = await Promise.allSettled(langs.map((lang) => runTesseractPages(list, args, o, deadline, lang)));
    for (const r of settled) {
      if (r.status === 'rejected') throw r.reason;
      cuts.forEach((cut, i) => reads.set(cut, [...(reads.get(cut) ?? []), wordsOf(r.value[i] ?? [], { ...cut, box: boxes[i]!, top: GAP })]));
    }
  } catch (e) {
    warnings.push(warn('ocr.reread_failed', `${name}: the re-read of ${cuts.length} table cell(s) failed (${(e as Error).message.slice(0, 200)}); the page reading is kept`));
    reads.clear();
  } finally {
    await Promise.all([list, ...images].map((f) => rm(f, { force: true })));
  }
  return { reads, warnings };
}

/** Runs of inked pixel rows of a cut (gaps of two rows bridged), top to bottom: [first row, last row, ink]. */
function inkBands(g: Gray, box: Cut['box']): [number, number, number][] {
  const x0 = Math.max(0, box[0] + EDGE), x1 = Math.min(g.width, box[2] - EDGE);
  const y0 = Math.max(0, box[1] + EDGE), y1 = Math.min(g.height, box[3] - EDGE);
  const bands: [number, number, number][] = [];
  let run: [number, number, number] | null = null;
  let gap = 0;
  for (let y = y0; y <= y1; y++) {
    let ink = 0;
    if (y < y1) for (let x = x0; x < x1; x++) if (g.data[y * g.width + x] < INK) ink++;
    if (ink > 0) {
      run = run ? [run[0], y, run[2] + ink] : [y, y, ink];
      gap = 0;
    } else if (run && ++gap > 2) {
      bands.push(run);
      run = null;
    }
  }
  return bands;
}

/** Least share of a cell's width the first line of a wrapped number fills. */
const WRAP_FILL = 0.6;

/** Width of the ink of a band of a cut (its leftmost to its rightmost inked column), pixels. */
function inkWidth(g: Gray, box: Cut['box'], band: [number, number, number]): number {
  const x0 = Math.max(0, box[0] + EDGE), x1 = Math.min(g.width, box[2] - EDGE);
  let left = Infinity, right = -Infinity;
  for (let y = band[0]; y <= band[1]; y++) {
    for (let x = x0; x < x1; x++) {
      if (g.data[y * g.width + x]! >= INK) continue;
      if (x < left) left = x;
      if (x > right) right = x;
    }
  }
  return right >= left ? right - left + 1 : 0;
}

/** A band of a cut as a box that `strip` cuts with its EDGE margin (so EDGE is added back), a few pixels around it. */
function bandBox(box: Cut['box'], band: [number, number, number]): Cut['box'] {
  const pad = 8;
  return [box[0], Math.max(box[1], band[0] - pad - EDGE), box[2], Math.min(box[3], band[1] + 1 + pad + EDGE)];
}

/**
 * The band of a cut holding its line of text: the run of inked pixel rows (gaps of two rows bridged) with the
 * most ink, a few pixels added around it (a whole-cell image makes a one-line reading scale the text down).
 * Returned as a box that `strip` cuts with its EDGE margin, so EDGE is added back.
 */
export function inkLine(g: Gray, box: Cut['box']): Cut['box'] {
  const best = mostInk(inkBands(g, box));
  return best ? bandBox(box, best) : box;
}

/** The band with the most ink, or null when there is none. */
function mostInk(bands: [number, number, number][]): [number, number, number] | null {
  return bands.reduce<[number, number, number] | null>((a, b) => (!a || b[2] > a[2] ? b : a), null);
}

/**
 * A cut as one line of text for a one-line reading: its line of ink (`inkLine`); or, when a number wraps in a
 * narrow cell (「278」 over 「0」: lines of ink as tall as the main one and not much lighter, the first filling the
 * cell's width), its lines side by side, in reading order, so that the reading sees the whole number.
 */
export function lineImage(g: Gray, box: Cut['box'], maxGap?: number): Gray {
  return lineOf(g, box, maxGap).image;
}

/** `lineImage`, with the box of the cut's main line of ink (`inkLine`) found on the way: one scan of the cut. */
function lineOf(g: Gray, box: Cut['box'], maxGap?: number): { image: Gray; box: Cut['box'] } {
  const bands = inkBands(g, box);
  const main = mostInk(bands);
  const mainBox = main ? bandBox(box, main) : box;
  const height = (b: [number, number, number]) => b[1] - b[0] + 1;
  const lines = main ? bands.filter((b) => height(b) >= 0.6 * height(main) && b[2] >= 0.1 * main[2]) : [];
  // A number wraps because it does not fit: its first line fills the cell's width. Lines that do not are two
  // readings stacked in one cell (a grid that merged two rows), never joined.
  if (lines.length < 2 || inkWidth(g, box, lines[0]!) < WRAP_FILL * (box[2] - box[0] - 2 * EDGE)) {
    return { image: strip(g, [{ box: mainBox, top: 0 }], maxGap), box: mainBox };
  }
  const parts = lines.map((b) => strip(g, [{ box: bandBox(box, b), top: 0 }], maxGap));
  const width = parts.reduce((w, p) => w + p.width, 0);
  const h = Math.max(...parts.map((p) => p.height));
  const data = new Uint8Array(width * h).fill(255);
  let left = 0;
  for (const p of parts) {
    for (let y = 0; y < p.height; y++) data.set(p.data.subarray(y * p.width, (y + 1) * p.width), y * width + left);
    left += p.width;
  }
  return { image: { width, height: h, data }, box: mainBox };
}
