/** One pdf.js page → words (text items with boxes, in viewport coordinates) and ruling segments. */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageLayoutInput, Word } from './layout-types.ts';
import { extractSegments } from './pdf-graphics.ts';
import { verticalWords, type TextOpCodes } from './pdf-vertical.ts';
import { pdfjs } from './pdfjs.ts';
import { fixRadicals } from './normalise.ts';

interface TextItemLike {
  str: string;
  fontName?: string;
  transform: number[];
  width: number;
  height: number;
}

/** Characters that mean the font had no usable ToUnicode map. */
const BAD_CHAR = /[\ufffd\ue000-\uf8ff\u0000-\u0008\u000e-\u001f]/u;

export interface PageText {
  layout: PageLayoutInput;
  /** Visible characters on the page and how many of them are unusable. */
  chars: number;
  badChars: number;
  hasHan: boolean;
}

export async function readPage(page: PDFPageProxy, pageNumber: number): Promise<PageText> {
  const vp = page.getViewport({ scale: 1 });
  const toVp = (x: number, y: number) => vp.convertToViewportPoint(x, y) as [number, number];
  const content = await page.getTextContent();
  const styles = content.styles as Record<string, { vertical?: boolean }>;
  const isVertical = (font: string) => styles[font]?.vertical === true;
  const words: Word[] = [];
  let chars = 0;
  let badChars = 0;
  for (const raw of content.items as TextItemLike[]) {
    if (typeof raw.str !== 'string' || isVertical(raw.fontName ?? '')) continue;
    const str = fixRadicals(raw.str);
    if (str.trim() === '') continue;
    for (const ch of str) {
      if (/\s/.test(ch)) continue;
      chars++;
      if (BAD_CHAR.test(ch)) badChars++;
    }
    if (str.includes('(cid:')) badChars += str.length;
    const [a, b, c, d, e, f] = raw.transform;
    const na = Math.hypot(a, b) || 1;
    const nc = Math.hypot(c, d) || 1;
    const h = raw.height || nc;
    const ux = (a / na) * raw.width, uy = (b / na) * raw.width;
    const vx = (c / nc) * h, vy = (d / nc) * h;
    const pts = [toVp(e, f), toVp(e + ux, f + uy), toVp(e + vx, f + vy), toVp(e + ux + vx, f + uy + vy)];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    words.push({ text: str.trim(), x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
  }
  const ops = await page.getOperatorList();
  const codes = pdfjs.OPS as unknown as TextOpCodes;
  const segments = extractSegments(ops.fnArray, ops.argsArray, codes, toVp);
  if (Object.values(styles).some((st) => st.vertical)) {
    for (const w of verticalWords(ops.fnArray, ops.argsArray, codes, isVertical, toVp)) {
      const text = fixRadicals(w.text);
      words.push({ ...w, text });
      chars += [...text].length;
    }
  }
  const text = words.map((w) => w.text).join('');
  return {
    layout: { page: pageNumber, width: vp.width, height: vp.height, words, segments },
    chars,
    badChars,
    hasHan: /\p{Script=Han}/u.test(text),
  };
}

/** A page whose text layer cannot be used: no text at all, or mostly unmapped glyphs. */
export function needsOcr(p: PageText): boolean {
  if (p.chars === 0) return true;
  return p.badChars / p.chars > 0.3;
}
