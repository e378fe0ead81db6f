/**
 * OCR: pages rasterised by pdftoppm (300 dpi, gray), deskewed ruling lines found in the raster and erased,
 * specks removed (raster-clean.ts), words with character boxes and confidences from `tesseract -l chi_sim
 * --psm 6` (hOCR, ocr-words.ts); then every ruled table cell is read again on its own (ocr-cells.ts): labels
 * with chi_sim, values with a digit whitelist in chi_sim and eng, voted (ocr-vote.ts). Output is in PDF
 * points (72 per inch) so OCR pages lay out exactly like text pages (pdf-layout.ts).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DocumentModel } from '../src/model/document.ts';
import { BadDocumentError, ExtractionTimeoutError } from '../src/model/errors.ts';
import { ok, warn, type Message, type Result } from '../src/model/result.ts';
import { isHorizontal, type PageLayoutInput, type Segment, type Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { layoutPages } from './pdf-layout.ts';
import { decodeImage, deskewPoint, encodePgm, eraseRulings, estimateSkew, findRulings, parsePgm, type Gray } from './raster.ts';
import { levelStrokes, mergeSegments, pruneFloating } from './pdf-ruled.ts';
import { despeckle } from './raster-clean.ts';
import { runTool } from './run-tool.ts';
import { makeTempDir, removeTempDir } from './temp-files.ts';
import { runTesseract } from './ocr-words.ts';
import { rereadTableCells } from './ocr-cells.ts';

export const OCR_DPI = 300;
/** Words under this confidence are reported (`ocr.low_confidence`); their cells keep the confidence. */
export const LOW_CONFIDENCE = 60;

/**
 * One raster → page layout in points: rulings found first and erased (so tesseract does not read borders as
 * bars or glue cells together), then words recognised on the cleaned image.
 */
async function ocrRaster(page: number, g: Gray, dpi: number, dir: string, o: ResolvedOptions, deadline: Deadline): Promise<Result<PageLayoutInput>> {
  const k = 72 / dpi;
  const skew = estimateSkew(g);
  const toPt = (sg: Segment) => ({ x0: sg.x0 * k, x1: sg.x1 * k, y0: sg.y0 * k, y1: sg.y1 * k });
  const segments = findRulings(g, skew, Math.round(dpi * 0.2)).map(toPt);
  const ruled = pruneFloating(mergeSegments(segments.filter(isHorizontal), true), mergeSegments(segments.filter((sg) => !isHorizontal(sg)), false));
  const toPx = (sg: Segment) => ({ x0: sg.x0 / k, x1: sg.x1 / k, y0: sg.y0 / k, y1: sg.y1 / k });
  // Printed dashes long enough to be taken for rules keep their ink (the cell re-reads see them).
  const dashes = levelStrokes(ruled.hs, ruled.vs);
  eraseRulings(g, [...ruled.hs.filter((h) => !dashes.has(h)), ...ruled.vs].map(toPx), skew, Math.max(3, Math.round(dpi / 75)));
  despeckle(g);
  const clean = join(dir, `clean-${page}.pgm`);
  await writeFile(clean, encodePgm(g));
  const words = await runTesseract(clean, ['--psm', '6'], o, deadline);
  await rm(clean, { force: true });
  const placed = words.map((w) => {
    const [x0, y0] = deskewPoint(w.x0, w.y0, skew);
    const [x1, y1] = deskewPoint(w.x1, w.y1, skew);
    const shift = x0 - w.x0;
    const chars = w.chars?.map((c) => ({ text: c.text, x0: (c.x0 + shift) * k, x1: (c.x1 + shift) * k }));
    return { ...w, x0: x0 * k, x1: x1 * k, y0: y0 * k, y1: y1 * k, ...(chars ? { chars } : {}) };
  });
  const layout: PageLayoutInput = { page, width: g.width * k, height: g.height * k, words: placed, segments };
  // Page points → raster pixels (undoing the deskew to first order).
  const t = Math.tan(skew);
  const toRaster = (x: number, y: number): [number, number] => [x / k - (y / k) * t, y / k + (x / k) * t];
  const r = await rereadTableCells(layout, g, toRaster, dir, o, deadline);
  return ok(r.page, r.warnings);
}

function confidenceWarnings(pages: PageLayoutInput[]): Message[] {
  const low = pages.flatMap((p) => p.words).filter((w) => (w.confidence ?? 100) < LOW_CONFIDENCE).length;
  return low > 0 ? [warn('ocr.low_confidence', `${low} OCR word(s) have confidence below ${LOW_CONFIDENCE}; see GridCell.confidence`)] : [];
}

/** OCRs the given pages (1-based) of a PDF. */
export async function ocrPdfPages(bytes: Uint8Array, pages: number[], o: ResolvedOptions, deadline: Deadline): Promise<Result<PageLayoutInput[]>> {
  const dir = await makeTempDir('ocr');
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const out: PageLayoutInput[] = [];
    const warnings: Message[] = [];
    for (const n of pages) {
      if (deadline.expired()) throw new ExtractionTimeoutError('extract.timeout', `OCR ran out of time at page ${n}`);
      const prefix = join(dir, `p${n}`);
      const r = await runTool(o.pdftoppmPath, ['-r', String(OCR_DPI), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix], {
        tool: 'pdftoppm', timeoutMs: deadline.cap(o.ocrPageTimeoutMs), maxOutputBytes: 1024 * 1024, timeoutCode: 'ocr.timeout',
      });
      if (r.code !== 0) throw new BadDocumentError('ocr.rasterise_failed', `pdftoppm failed on page ${n} (exit ${r.code}): ${r.stderr.trim().slice(-300)}`);
      const image = `${prefix}.pgm`;
      const g = parsePgm(await readFile(image));
      await rm(image, { force: true });
      const read = await ocrRaster(n, g, OCR_DPI, dir, o, deadline);
      out.push(read.value);
      warnings.push(...read.warnings);
    }
    return ok(out, [...confidenceWarnings(out), ...warnings]);
  } finally {
    await removeTempDir(dir);
  }
}

/** PNG / JPEG / TIFF → OCR → document model. Images are assumed to be 300 dpi for layout purposes. */
export async function extractImage(bytes: Uint8Array, o: ResolvedOptions, deadline: Deadline): Promise<Result<DocumentModel>> {
  const dir = await makeTempDir('img');
  try {
    const warnings: Message[] = [];
    const g = await decodeImage(bytes).catch(() => undefined);
    let page: PageLayoutInput;
    if (g) {
      const r = await ocrRaster(1, g, OCR_DPI, dir, o, deadline);
      page = r.value;
      warnings.push(...r.warnings);
    } else {
      warnings.push(warn('ocr.no_rulings', 'the image could not be decoded for line detection; tables are rebuilt from word positions only'));
      const image = join(dir, 'in.img');
      await writeFile(image, bytes);
      const k = 72 / OCR_DPI;
      const words = (await runTesseract(image, ['--psm', '6'], o, deadline)).map((w) => ({ ...w, x0: w.x0 * k, x1: w.x1 * k, y0: w.y0 * k, y1: w.y1 * k }));
      page = { page: 1, width: Math.max(1, ...words.map((w) => w.x1)), height: Math.max(1, ...words.map((w) => w.y1)), words, segments: [] };
    }
    const layout = layoutPages([page]);
    warnings.push(...confidenceWarnings([page]), ...layout.warnings);
    return ok({ format: 'image', blocks: layout.blocks, lines: layout.lines, pages: 1, ocr: true }, warnings);
  } finally {
    await removeTempDir(dir);
  }
}
