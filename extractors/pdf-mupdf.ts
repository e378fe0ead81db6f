/**
 * Text PDFs through MuPDF (`mutool run mupdf-dump.js`, Debian package mupdf-tools): one process gives the glyphs
 * with their positions and advances, the painted paths and the Title, at about the cost of `pdftotext -layout`
 * (pdf.js spends 5–17× that parsing fonts and building glyph paths). The glyphs are joined into text items as
 * pdf.js joins them (same font and line, a gap under 0.6 em; a gap over 0.102 em becomes a space), so the
 * words and ruling segments handed to pdf-layout.ts are the ones the pdf.js route gives.
 *
 * Only what this route reproduces exactly goes through it: upright text on pages whose text layer is usable.
 * A page that would go to OCR or that is blank, rotated text, a page box not at the origin, a tool error or a
 * missing mutool: `null`, and the caller reads the document with pdf.js as before.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExtractionTimeoutError, MissingToolError } from '../src/model/errors.ts';
import type { PageLayoutInput, Segment, Word } from './layout-types.ts';
import { subpathSegments } from './pdf-graphics.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { fixRadicals } from './normalise.ts';
import { countChars, needsOcr, type PageText } from './pdf-text-layer.ts';
import { joinColumn } from './pdf-vertical.ts';
import { runTool } from './run-tool.ts';
import { makeTempDir, removeTempDir } from './temp-files.ts';

const SCRIPT = fileURLToPath(new URL('./mupdf-dump.js', import.meta.url));
/** pdf.js's text-content factors (evaluator.js): a gap over SPACE_MIN em is a space, over SPACE_MAX a new item. */
const SPACE_MIN = 0.102;
const SPACE_MAX = 0.6;
/** A jump back of more than 0.2 em starts a new item (pdf.js's NEGATIVE_SPACE_FACTOR). */
const NEGATIVE_MAX = -0.2;

/** [font, a, b, c, d, e, f, unicode, advance (em), writing mode, horizontal advance of a vertical glyph] (mupdf-dump.js). */
export type MuGlyph = [string, number, number, number, number, number, number, number, number, number, number?];
/** Where MuPDF puts a vertical glyph's horizontal origin below its vertical one (the default DW2 880), in em. */
const VERTICAL_DROP = 0.88;
/** ['f' | 's', RGB 0–1 or null, path: 'm' x y | 'l' x y | 'c' | 'h' …] in page coordinates. */
export type MuPath = ['f' | 's', number[] | null, (string | number)[]];

export interface MuPage {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  glyphs: MuGlyph[];
  paths: MuPath[];
  ink: boolean;
}

export interface MupdfDocument {
  title: string;
  /** Pages in the file (the dump stops at maxPages). */
  pages: number;
  texts: PageText[];
}

interface Item {
  font: string;
  size: number;
  y: number;
  x0: number;
  /** Where the next glyph would start. */
  end: number;
  str: string;
}

/** Glyphs in drawing order → pdf.js-like text items → words (text trimmed, box from baseline up one em). */
export function itemsToWords(glyphs: readonly MuGlyph[]): { words: Word[]; chars: number; badChars: number } | null {
  const items: Item[] = [];
  const vertical: { ch: string; box: [number, number, number, number] }[] = [];
  let cur: Item | undefined;
  for (const [font, a, b, c, d, e, f, unicode, adv, wmode, hadv] of glyphs) {
    if (b !== 0 || c !== 0 || !(a > 0) || !(d < 0)) return null; // rotated text: the pdf.js route
    const size = -d;
    const ch = String.fromCodePoint(unicode);
    if (wmode !== 0) {
      // Vertical writing (pdf-vertical.ts): an em square centred on the vertical origin, from it downwards. pdf.js's
      // text items leave these glyphs out (and end the item in hand: another font).
      cur = undefined;
      const x = e + ((hadv || 1) * a) / 2;
      const top = f - VERTICAL_DROP * size;
      if (ch.trim()) vertical.push({ ch, box: [x - size / 2, top, x + size / 2, top + size] });
      continue;
    }
    const gap = cur ? e - cur.end : 0;
    if (!cur || cur.font !== font || Math.abs(cur.size - size) > 1e-3 || Math.abs(cur.y - f) > 1e-3 || gap > SPACE_MAX * size || gap < NEGATIVE_MAX * size) {
      cur = { font, size, y: f, x0: e, end: e, str: '' };
      items.push(cur);
    } else if (gap > SPACE_MIN * size && !cur.str.endsWith(' ') && ch !== ' ') {
      cur.str += ' ';
    }
    cur.str += ch;
    cur.end = e + adv * a;
  }
  const words: Word[] = [];
  let chars = 0;
  let badChars = 0;
  for (const it of items) {
    const str = fixRadicals(it.str);
    if (str.trim() === '') continue;
    const n = countChars(str);
    chars += n.chars;
    badChars += n.bad;
    words.push({ text: str.trim(), x0: it.x0, x1: it.end, y0: it.y - it.size, y1: it.y });
  }
  for (const w of joinColumn(vertical)) {
    const text = fixRadicals(w.text);
    words.push({ ...w, text });
    chars += [...text].length;
  }
  return { words, chars, badChars };
}

const isLight = (rgb: number[] | null): boolean => rgb !== null && rgb.every((v) => Math.round(v * 255) > 0xe0);

/** Painted paths → ruling segments, by the rules of pdf-graphics.ts (straight strokes, thin dark filled bars). */
export function pathsToSegments(paths: readonly MuPath[]): Segment[] {
  const segments: Segment[] = [];
  for (const [kind, rgb, ops] of paths) {
    if (isLight(rgb)) continue;
    const subpaths: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
    let sp: (typeof subpaths)[number] | undefined;
    for (let i = 0; i < ops.length; ) {
      const op = ops[i++];
      if (op === 'm') {
        sp = { points: [[ops[i] as number, ops[i + 1] as number]], closed: false, curved: false };
        subpaths.push(sp);
        i += 2;
      } else if (op === 'l') {
        sp?.points.push([ops[i] as number, ops[i + 1] as number]);
        i += 2;
      } else if (op === 'c') {
        if (sp) sp.curved = true;
      } else if (op === 'h') {
        if (sp) sp.closed = true;
      } else break;
    }
    for (const s of subpaths) if (!s.curved) subpathSegments(s.points, s.closed, kind === 's', kind === 'f', segments);
  }
  return segments;
}

/** One dumped page → the PageText the pdf.js route gives, or null when this route does not reproduce it. */
export function pageText(p: MuPage): PageText | null {
  if (p.x0 !== 0 || p.y0 !== 0) return null;
  const w = itemsToWords(p.glyphs);
  if (!w) return null;
  const layout: PageLayoutInput = { page: p.page, width: p.x1, height: p.y1, words: w.words, segments: pathsToSegments(p.paths) };
  const text: PageText = { layout, chars: w.chars, badChars: w.badChars, hasHan: /\p{Script=Han}/u.test(w.words.map((x) => x.text).join('')), drawn: p.ink || w.chars > 0 };
  // A page for OCR, or a blank one: the pdf.js route decides those (its notion of "drawn" is its own).
  if (w.chars === 0 || needsOcr(text)) return null;
  return text;
}

/** Parses mutool's output (a header line, then one line per page). Null when a page is not reproduced. */
export function readDump(stdout: string): MupdfDocument | null {
  const lines = stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length < 2) return null;
  const head = JSON.parse(lines[0]!) as { title: string; pages: number };
  const texts: PageText[] = [];
  for (const line of lines.slice(1)) {
    const t = pageText(JSON.parse(line) as MuPage);
    if (!t) return null;
    texts.push(t);
  }
  return { title: head.title, pages: head.pages, texts };
}

let missing = false;

/** Reads a PDF through mutool; null when mutool is missing or fails, or the document needs the pdf.js route. */
export async function readPdfMupdf(bytes: Uint8Array, options: ResolvedOptions, deadline: Deadline): Promise<MupdfDocument | null> {
  if (missing || process.env.NIANBAO_PDF_ENGINE === 'pdfjs') return null;
  const dir = await makeTempDir('doc', 'mupdf');
  try {
    const pdf = join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const r = await runTool('mutool', ['run', SCRIPT, pdf, String(options.maxPages)], {
      tool: 'mutool', timeoutMs: deadline.cap(options.timeoutMs), maxOutputBytes: options.maxToolOutputBytes, timeoutCode: 'extract.timeout',
    }).catch((e: unknown) => {
      if (e instanceof MissingToolError) missing = true;
      if (e instanceof ExtractionTimeoutError) throw e;
      return null;
    });
    if (!r || r.code !== 0 || r.truncated) return null;
    const doc = readDump(r.stdout.toString('utf8'));
    return doc && doc.texts.length === Math.min(doc.pages, options.maxPages) ? doc : null;
  } catch (e) {
    if (e instanceof ExtractionTimeoutError) throw e;
    return null;
  } finally {
    await removeTempDir(dir);
  }
}
