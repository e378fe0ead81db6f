/** What either PDF route (pdf.js, MuPDF) reports of a page's text layer, and the checks on it (no pdf.js import). */
import type { PageLayoutInput } from './layout-types.ts';

/** Characters that mean the font had no usable ToUnicode map. */
export const BAD_CHAR = /[\ufffd\ue000-\uf8ff\u0000-\u0008\u000e-\u001f]/u;

export interface PageText {
  layout: PageLayoutInput;
  /** Visible characters on the page and how many of them are unusable. */
  chars: number;
  badChars: number;
  hasHan: boolean;
  /** Something is painted besides text (an image, a path): false for a blank page. Default true. */
  drawn?: boolean;
}

/** Visible characters of a text item and how many are unusable (a `(cid:` run counts whole). */
export function countChars(str: string): { chars: number; bad: number } {
  let chars = 0;
  let bad = 0;
  for (const ch of str) {
    if (/\s/.test(ch)) continue;
    chars++;
    if (BAD_CHAR.test(ch)) bad++;
  }
  if (str.includes('(cid:')) bad += str.length;
  return { chars, bad };
}

/**
 * A page whose text layer cannot be used: no text at all (unless nothing at all is drawn on it: a blank page
 * has nothing to read), or mostly unmapped glyphs.
 */
export function needsOcr(p: PageText): boolean {
  if (p.chars === 0) return p.drawn !== false;
  return p.badChars / p.chars > 0.3;
}

/** A PDF ends with %%EOF within its last 16 KiB; a file without it is a truncated download. */
export function hasEofMarker(bytes: Uint8Array): boolean {
  const n = 16 * 1024;
  return Buffer.from(bytes.buffer, bytes.byteOffset + Math.max(0, bytes.byteLength - n), Math.min(n, bytes.byteLength)).toString('latin1').includes('%%EOF');
}
