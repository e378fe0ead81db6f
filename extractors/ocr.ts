/**
 * OCR: pages rasterised by pdftoppm (300 dpi, gray), words and confidences from `tesseract -l chi_sim
 * --psm 6 tsv`, ruling lines found in the raster. Output is in PDF points (72 per inch) so OCR pages lay
 * out exactly like text pages (pdf-layout.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentModel } from '../src/model/document.ts';
import { BadDocumentError, ExtractionTimeoutError } from '../src/model/errors.ts';
import { ok, warn, type Message, type Result } from '../src/model/result.ts';
import type { PageLayoutInput, Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { layoutPages } from './pdf-layout.ts';
import { decodeImage, deskewPoint, estimateSkew, findRulings, maskWords, parsePgm, type Gray } from './raster.ts';
import { runTool } from './run-tool.ts';
import { fixRadicals } from './normalise.ts';

export const OCR_DPI = 300;
/** Words under this confidence are reported (`ocr.low_confidence`); their cells keep the confidence. */
export const LOW_CONFIDENCE = 60;

/** Parses tesseract TSV output into words (pixel coordinates). */
export function parseTsv(tsv: string): Word[] {
  const words: Word[] = [];
  for (const line of tsv.split('\n').slice(1)) {
    const f = line.split('\t');
    if (f.length < 12 || f[0] !== '5') continue;
    const text = fixRadicals(f.slice(11).join('\t')).trim();
    const conf = Number(f[10]);
    if (!text || conf < 0) continue;
    const left = Number(f[6]), top = Number(f[7]), width = Number(f[8]), height = Number(f[9]);
    words.push({ text, x0: left, x1: left + width, y0: top, y1: top + height, confidence: Math.round(conf) });
  }
  return words;
}

async function tesseract(imagePath: string, o: ResolvedOptions, deadline: Deadline): Promise<Word[]> {
  const r = await runTool(o.tesseractPath, [imagePath, 'stdout', '-l', 'chi_sim', '--psm', '6', 'tsv'], {
    tool: 'tesseract', timeoutMs: deadline.cap(o.ocrPageTimeoutMs), maxOutputBytes: o.maxToolOutputBytes, timeoutCode: 'ocr.timeout',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (r.code !== 0) throw new BadDocumentError('ocr.failed', `tesseract failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`);
  return parseTsv(r.stdout.toString('utf8'));
}

/** Words + rulings of one raster → a page layout in points. */
function toLayout(page: number, g: Gray | undefined, words: Word[], dpi: number, size: { width: number; height: number }): PageLayoutInput {
  const k = 72 / dpi;
  let skew = 0;
  let segments: PageLayoutInput['segments'] = [];
  if (g) {
    skew = estimateSkew(g);
    maskWords(g, words);
    segments = findRulings(g, skew, Math.round(dpi * 0.2)).map((s) => ({ x0: s.x0 * k, x1: s.x1 * k, y0: s.y0 * k, y1: s.y1 * k }));
  }
  const placed = words.map((w) => {
    const [x0, y0] = deskewPoint(w.x0, w.y0, skew);
    const [x1, y1] = deskewPoint(w.x1, w.y1, skew);
    return { ...w, x0: x0 * k, x1: x1 * k, y0: y0 * k, y1: y1 * k };
  });
  return { page, width: size.width * k, height: size.height * k, words: placed, segments };
}

function confidenceWarnings(pages: PageLayoutInput[]): Message[] {
  const low = pages.flatMap((p) => p.words).filter((w) => (w.confidence ?? 100) < LOW_CONFIDENCE).length;
  return low > 0 ? [warn('ocr.low_confidence', `${low} OCR word(s) have confidence below ${LOW_CONFIDENCE}; see GridCell.confidence`)] : [];
}

/** OCRs the given pages (1-based) of a PDF. */
export async function ocrPdfPages(bytes: Uint8Array, pages: number[], o: ResolvedOptions, deadline: Deadline): Promise<Result<PageLayoutInput[]>> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-ocr-'));
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const out: PageLayoutInput[] = [];
    for (const n of pages) {
      if (deadline.expired()) throw new ExtractionTimeoutError('extract.timeout', `OCR ran out of time at page ${n}`);
      const prefix = join(dir, `p${n}`);
      const r = await runTool(o.pdftoppmPath, ['-r', String(OCR_DPI), '-gray', '-f', String(n), '-l', String(n), '-singlefile', pdf, prefix], {
        tool: 'pdftoppm', timeoutMs: deadline.cap(o.ocrPageTimeoutMs), maxOutputBytes: 1024 * 1024, timeoutCode: 'ocr.timeout',
      });
      if (r.code !== 0) throw new BadDocumentError('ocr.rasterise_failed', `pdftoppm failed on page ${n} (exit ${r.code}): ${r.stderr.trim().slice(-300)}`);
      const image = `${prefix}.pgm`;
      const g = parsePgm(await readFile(image));
      const words = await tesseract(image, o, deadline);
      out.push(toLayout(n, g, words, OCR_DPI, g));
      await rm(image, { force: true });
    }
    return ok(out, confidenceWarnings(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** PNG / JPEG / TIFF → OCR → document model. Images are assumed to be 300 dpi for layout purposes. */
export async function extractImage(bytes: Uint8Array, o: ResolvedOptions, deadline: Deadline): Promise<Result<DocumentModel>> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-img-'));
  try {
    const image = join(dir, 'in.img');
    await writeFile(image, bytes);
    const words = await tesseract(image, o, deadline);
    const g = await decodeImage(bytes).catch(() => undefined);
    const warnings: Message[] = [];
    if (!g) warnings.push(warn('ocr.no_rulings', 'the image could not be decoded for line detection; tables are rebuilt from word positions only'));
    const size = g ?? { width: Math.max(1, ...words.map((w) => w.x1)), height: Math.max(1, ...words.map((w) => w.y1)) };
    const page = toLayout(1, g, words, OCR_DPI, size);
    const layout = layoutPages([page]);
    warnings.push(...confidenceWarnings([page]), ...layout.warnings);
    return ok({ format: 'image', blocks: layout.blocks, lines: layout.lines, pages: 1, ocr: true }, warnings);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
