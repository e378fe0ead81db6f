/**
 * Tesseract output → words with character boxes. hOCR with `hocr_char_boxes=1` is used because a word box
 * may run over a table border (stray ink included), while each character's box stays where the glyph is.
 */
import { BadDocumentError } from '../src/model/errors.ts';
import type { Word } from './layout-types.ts';
import type { Deadline, ResolvedOptions } from './options.ts';
import { fixRadicals } from './normalise.ts';
import { runTool } from './run-tool.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

const bbox = (title: string, key: string): number[] | undefined => {
  const m = new RegExp(`${key} (\\d+) (\\d+) (\\d+) (\\d+)`).exec(title);
  return m ? m.slice(1, 5).map(Number) : undefined;
};

/** Bars that are table borders read as text. */
const BAR = /^[|｜¦]$/;

/** Parses hOCR (with character boxes) into words in pixel coordinates. */
export function parseHocr(hocr: string): Word[] {
  const words: Word[] = [];
  const wordRe = /<span class=['"]ocrx_word['"][^>]*title=['"]([^'"]*)['"][^>]*>((?:\s*<span[^>]*>[^<]*<\/span>)+|[^<]*)\s*<\/span>/g;
  for (const m of hocr.matchAll(wordRe)) {
    const box = bbox(m[1], 'bbox');
    const conf = Number(/x_wconf (\d+)/.exec(m[1])?.[1] ?? '0');
    if (!box) continue;
    const chars: NonNullable<Word['chars']> = [];
    for (const c of m[2].matchAll(/<span class=['"]ocrx_cinfo['"] title=['"]([^'"]*)['"]>([^<]*)<\/span>/g)) {
      const cb = bbox(c[1], 'x_bboxes');
      const text = fixRadicals(unescape(c[2]));
      if (!cb || !text.trim() || BAR.test(text)) continue;
      chars.push({ text, x0: cb[0], x1: cb[2] });
    }
    const plain = m[2].replace(/<[^>]+>/g, '');
    const text = chars.length > 0 ? chars.map((c) => c.text).join('') : fixRadicals(unescape(plain)).replace(/[|｜¦]/g, '').trim();
    if (!text) continue;
    const x0 = chars.length > 0 ? Math.min(...chars.map((c) => c.x0)) : box[0];
    const x1 = chars.length > 0 ? Math.max(...chars.map((c) => c.x1)) : box[2];
    words.push({ text, x0, x1, y0: box[1], y1: box[3], confidence: conf, ...(chars.length > 1 ? { chars } : {}) });
  }
  return words;
}

/** Drops what specks and dirt turn into: tiny boxes and low-confidence marks without digits. */
export function dropSpecks(words: Word[]): Word[] {
  const hs = words.filter((w) => /\p{Script=Han}/u.test(w.text)).map((w) => w.y1 - w.y0).sort((a, b) => a - b);
  const h = hs.length > 0 ? hs[hs.length >> 1] : 0;
  return words.filter((w) => {
    if (/\d/.test(w.text)) return true;
    if (h > 0 && w.y1 - w.y0 < 0.35 * h && w.x1 - w.x0 < 0.6 * h) return false;
    return !((w.confidence ?? 100) < 40 && [...w.text].length <= 2);
  });
}

/** hOCR of several images (a list file): the words of each page, in order. */
export function parseHocrPages(hocr: string): Word[][] {
  return hocr.split(/<div class=['"]ocr_page['"]/).slice(1).map((page) => parseHocr(page));
}

/**
 * Runs `tesseract IMAGE stdout -l LANG ARGS hocr` (character boxes on) and returns its words, specks dropped.
 * `lang` defaults to chi_sim; `eng` is a second opinion for digit-only strips.
 */
export async function runTesseract(imagePath: string, args: string[], o: ResolvedOptions, deadline: Deadline, lang = 'chi_sim'): Promise<Word[]> {
  return (await runTesseractPages(imagePath, args, o, deadline, lang))[0] ?? [];
}

/** As `runTesseract`, for a list file of images (one tesseract process, each image on its own): words per image. */
export async function runTesseractPages(imagePath: string, args: string[], o: ResolvedOptions, deadline: Deadline, lang = 'chi_sim'): Promise<Word[][]> {
  const r = await runTool(o.tesseractPath, [imagePath, 'stdout', '-l', lang, ...args, '-c', 'hocr_char_boxes=1', 'hocr'], {
    tool: 'tesseract', timeoutMs: deadline.cap(o.ocrPageTimeoutMs), maxOutputBytes: o.maxToolOutputBytes, timeoutCode: 'ocr.timeout',
    env: { ...process.env, OMP_THREAD_LIMIT: '1' },
  });
  if (r.code !== 0) throw new BadDocumentError('ocr.failed', `tesseract failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`);
  return parseHocrPages(r.stdout.toString('utf8')).map(dropSpecks);
}
