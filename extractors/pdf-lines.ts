/** Words → text lines (reading order) and line text with spacing rebuilt from the gaps. */
import type { Word } from './layout-types.ts';
import { wordHeight } from './layout-types.ts';
import { cleanText } from './normalise.ts';

/** Groups words into lines (top to bottom), each line sorted left to right. */
export function groupLines(words: Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => (a.y0 + a.y1) / 2 - (b.y0 + b.y1) / 2 || a.x0 - b.x0);
  const lines: { words: Word[]; y0: number; y1: number }[] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    if (line) {
      const overlap = Math.min(line.y1, w.y1) - Math.max(line.y0, w.y0);
      const need = 0.5 * Math.min(wordHeight(w), line.y1 - line.y0);
      if (overlap >= need) {
        line.words.push(w);
        line.y0 = Math.min(line.y0, w.y0);
        line.y1 = Math.max(line.y1, w.y1);
        continue;
      }
    }
    lines.push({ words: [w], y0: w.y0, y1: w.y1 });
  }
  return lines.map((l) => l.words.sort((a, b) => a.x0 - b.x0));
}

/** Joins a line's words, adding a space where the gap is wider than a third of the text height. */
export function lineText(line: Word[]): string {
  let out = '';
  let prev: Word | undefined;
  for (const w of line) {
    if (prev && w.x0 - prev.x1 > wordHeight(w) * 0.33) out += ' ';
    out += w.text;
    prev = w;
  }
  return cleanText(out);
}

const DIGIT_END = /[\d０-９][,，.．]?$/;
const DIGIT_START = /^[\d０-９]/;

/**
 * Text of a block of words (a table cell): lines joined; a wrap between CJK characters adds no space. With
 * the cell's right edge, a number wrapped because the line was full (「３６０」/「７」) is rejoined.
 */
export function blockText(words: Word[], right?: number): string {
  const lines = groupLines(words);
  let out = '';
  lines.forEach((line, i) => {
    const text = lineText(line);
    if (i > 0) {
      const prev = lines[i - 1];
      const last = prev[prev.length - 1];
      const full = right !== undefined && last.x1 >= right - 1.5 * wordHeight(last);
      out += full && DIGIT_END.test(out) && DIGIT_START.test(text) ? '' : '\n';
    }
    out += text;
  });
  return cleanText(out);
}

/** Lowest OCR confidence among the words, if any came from OCR. */
export function minConfidence(words: Word[]): number | undefined {
  const cs = words.map((w) => w.confidence).filter((c): c is number => c !== undefined);
  return cs.length > 0 ? Math.min(...cs) : undefined;
}
