/** One pdf.js page → words (text items with boxes, in viewport coordinates) and ruling segments. */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageLayoutInput, Word } from './layout-types.ts';
import { extractSegments } from './pdf-graphics.ts';
import { verticalWords, type TextOpCodes } from './pdf-vertical.ts';
import { pdfjs } from './pdfjs.ts';
import { fixRadicals } from './normalise.ts';
import { countChars, type PageText } from './pdf-text-layer.ts';

export { needsOcr, type PageText } from './pdf-text-layer.ts';

interface TextItemLike {
  str: string;
  fontName?: string;
  transform: number[];
  width: number;
  height: number;
}


/**
 * The page rotation (0, 90, 180, 270) under which most of the page's horizontal text runs left to right:
 * the page's own /Rotate when that already holds, else the turn that makes it so. A page saved with
 * `/Rotate 90` over upright text (a landscape setting, a scanner's flag) is read as its text is written.
 */
export function readingRotation(items: readonly { transform: number[]; str: string }[], pageRotate: number): number {
  // Baseline direction in user space (y up) → weight per quarter turn.
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    const [a, b] = it.transform;
    const n = it.str.trim().length;
    if (!n || (a === 0 && b === 0)) continue;
    const angle = Math.atan2(b!, a!); // 0: left to right; π/2: bottom to top
    const quarter = ((Math.round(angle / (Math.PI / 2)) % 4) + 4) % 4;
    weight[quarter]! += n;
  }
  const best = weight.indexOf(Math.max(...weight));
  if (weight[best] === 0) return pageRotate;
  // Text written at +90° (bottom to top) reads left to right after the page turns 90° clockwise.
  const rotation = (best * 90) % 360;
  return rotation === ((pageRotate % 360) + 360) % 360 ? pageRotate : rotation;
}

export async function readPage(page: PDFPageProxy, pageNumber: number): Promise<PageText> {
  const content = await page.getTextContent();
  const rotation = readingRotation(content.items as TextItemLike[], page.rotate);
  const vp = page.getViewport({ scale: 1, rotation });
  const toVp = (x: number, y: number) => vp.convertToViewportPoint(x, y) as [number, number];
  const styles = content.styles as Record<string, { vertical?: boolean }>;
  const isVertical = (font: string) => styles[font]?.vertical === true;
  const words: Word[] = [];
  let chars = 0;
  let badChars = 0;
  for (const raw of content.items as TextItemLike[]) {
    if (typeof raw.str !== 'string' || isVertical(raw.fontName ?? '')) continue;
    const str = fixRadicals(raw.str);
    if (str.trim() === '') continue;
    const n = countChars(str);
    chars += n.chars;
    badChars += n.bad;
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
    drawn: paintsAnything(ops.fnArray),
  };
}

/** pdf.js operators that put ink on the page other than text: images and painted paths. */
const INK_OPS = new Set(
  ['paintImageXObject', 'paintInlineImageXObject', 'paintInlineImageXObjectGroup', 'paintImageMaskXObject',
    'paintImageMaskXObjectGroup', 'paintImageXObjectRepeat', 'paintImageMaskXObjectRepeat', 'paintSolidColorImageMask',
    'stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke',
    'shadingFill', 'constructPath']
    .map((name) => (pdfjs.OPS as unknown as Record<string, number | undefined>)[name])
    .filter((n): n is number => n !== undefined),
);

function paintsAnything(fnArray: readonly number[]): boolean {
  for (const fn of fnArray) if (INK_OPS.has(fn)) return true;
  return false;
}
