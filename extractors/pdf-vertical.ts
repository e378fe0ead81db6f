/**
 * Vertical-writing text (Identity-V fonts, e.g. a group label 「三、本年度办理结果」 written down a merged
 * cell). pdf.js's text layer drops glyphs of such runs, so they are rebuilt here from the operator list:
 * the text state is followed and each vertical glyph placed, then adjacent glyphs joined into one word.
 */
import type { Word } from './layout-types.ts';
import { apply, CtmTracker, multiply, type Matrix, type OpCodes } from './pdf-graphics.ts';

export interface TextOpCodes extends OpCodes {
  beginText: number;
  setTextMatrix: number;
  moveText: number;
  setLeadingMoveText: number;
  nextLine: number;
  setLeading: number;
  setFont: number;
  setCharSpacing: number;
  setWordSpacing: number;
  setHScale: number;
  setTextRise: number;
  showText: number;
  showSpacedText: number;
}

interface Glyph {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
  vmetric?: number[];
}

/** Words of vertical fonts, in viewport coordinates. `isVertical` tells whether a font (by loaded name) is vertical. */
export function verticalWords(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  ops: TextOpCodes,
  isVertical: (fontName: string) => boolean,
  toViewport: (x: number, y: number) => [number, number],
): Word[] {
  const ctm = new CtmTracker(ops);
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineX = 0, lineY = 0, x = 0, y = 0;
  let leading = 0, size = 0, charSpacing = 0, wordSpacing = 0, rise = 0;
  let vertical = false;
  const glyphs: { ch: string; box: [number, number, number, number] }[] = [];
  const move = (dx: number, dy: number) => { lineX += dx; lineY += dy; x = lineX; y = lineY; };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (ctm.step(fn, args)) continue;
    if (fn === ops.beginText) { tm = [1, 0, 0, 1, 0, 0]; x = y = lineX = lineY = 0; }
    else if (fn === ops.setTextMatrix) { tm = Array.from(args[0] as ArrayLike<number>) as Matrix; x = y = lineX = lineY = 0; }
    else if (fn === ops.moveText) move(args[0] as number, args[1] as number);
    else if (fn === ops.setLeadingMoveText) { leading = -(args[1] as number); move(args[0] as number, args[1] as number); }
    else if (fn === ops.nextLine) move(0, leading);
    else if (fn === ops.setLeading) leading = -(args[0] as number);
    else if (fn === ops.setFont) { size = Math.abs(args[1] as number); vertical = isVertical(String(args[0])); }
    else if (fn === ops.setCharSpacing) charSpacing = args[0] as number;
    else if (fn === ops.setWordSpacing) wordSpacing = args[0] as number;
    else if (fn === ops.setTextRise) rise = args[0] as number;
    else if ((fn === ops.showText || fn === ops.showSpacedText) && vertical && size > 0) {
      let adv = 0;
      const m = multiply(ctm.ctm, tm);
      for (const g of args[0] as (Glyph | number | null)[]) {
        if (typeof g === 'number') { adv += (g * size) / 1000; continue; }
        if (!g) continue;
        const w1 = g.vmetric ? -g.vmetric[0] : 1000;
        const top = y + rise - adv;
        const corners = [[x - size / 2, top], [x + size / 2, top], [x - size / 2, top - size], [x + size / 2, top - size]]
          .map(([px, py]) => toViewport(...apply(m, px, py)));
        const xs = corners.map((c) => c[0]);
        const ys = corners.map((c) => c[1]);
        if (g.unicode && g.unicode.trim()) glyphs.push({ ch: g.unicode, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] });
        adv += (w1 * size) / 1000 + charSpacing + (g.isSpace ? wordSpacing : 0);
      }
      y -= adv;
    }
  }
  return joinColumn(glyphs);
}

/** Joins glyphs stacked in one column (same x, small vertical gaps) into words. */
export function joinColumn(glyphs: { ch: string; box: [number, number, number, number] }[]): Word[] {
  const words: Word[] = [];
  for (const g of glyphs) {
    const [x0, y0, x1, y1] = g.box;
    const h = y1 - y0;
    const last = words[words.length - 1];
    if (last && Math.abs(last.x0 - x0) < h * 0.3 && y0 - last.y1 < h * 1.5 && y0 >= last.y0) {
      last.text += g.ch;
      last.y1 = Math.max(last.y1, y1);
      last.x1 = Math.max(last.x1, x1);
      continue;
    }
    words.push({ text: g.ch, x0, y0, x1, y1 });
  }
  return words;
}
