/**
 * Whitespace and glyph normalisation shared by every extractor. Numbers and labels are left as written
 * (no NFKC: the parser decides), except for the CJK radical look-alikes some PDF fonts map to
 * (⼀ U+2F00 → 一), which are never intended.
 */

const HAN = '\\p{Script=Han}';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65';
/** Whitespace between two CJK characters (a line wrap inside a label) carries no meaning. */
const CJK_GAP = new RegExp(`(?<=[${HAN}${CJK_PUNCT}])\\s+(?=[${HAN}${CJK_PUNCT}])`, 'gu');
const RADICALS = /[\u2e80-\u2fdf]/g;

/** Maps Kangxi radicals / CJK radical supplement glyphs to the unified ideographs they look like. */
export function fixRadicals(s: string): string {
  return s.replace(RADICALS, (c) => {
    const n = c.normalize('NFKC');
    return n !== c ? n : c;
  });
}

/** Collapses whitespace (NBSP, ideographic space, zero-width), trims, and removes gaps between CJK characters. */
export function cleanText(s: string): string {
  return fixRadicals(s)
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(CJK_GAP, '')
    .trim();
}

/** True when the string holds at least one Han character. */
export function hasHan(s: string): boolean {
  return /\p{Script=Han}/u.test(s);
}
