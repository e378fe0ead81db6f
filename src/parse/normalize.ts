/** Text normalisation shared by every matcher: NFKC, one bracket and enumerator style, no stray marks. */

const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', 'Ｏ': '0', '○': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/** Characters NFKC changes in these documents: full-width forms, ideographic space, circled numbers. */
const NEEDS_NFKC = /[\u3000\uFF00-\uFFEF\u2460-\u24FF\uF900-\uFAFF\u2F00-\u2FDF]/;
const MARKS = /[\u200b-\u200d\ufeff\u00ad\u00a0\u3000“”„‟"「」『』‘’'〔【\[〕】\]]|\*\*|__/;
const MARKS_G = new RegExp(MARKS.source, 'g');
const MARK_MAP: Record<string, string> = { '\u00a0': ' ', '\u3000': ' ', '〔': '(', '【': '(', '[': '(', '〕': ')', '】': ')', ']': ')' };

/**
 * NFKC (full-width digits and punctuation → ASCII), unified quotes and brackets, 、 after a digit → '.',
 * markdown emphasis removed. Keeps whitespace (cell and line structure matter to the caller).
 * Each step runs only when the text has something for it to change (this is on the parser's hot path).
 */
export function normalizeText(s: string): string {
  let t = NEEDS_NFKC.test(s) ? s.normalize('NFKC') : s;
  if (MARKS.test(t)) t = t.replace(MARKS_G, (m) => MARK_MAP[m] ?? '');
  if (/\d/.test(t)) {
    t = t.replace(/[．。](?=\d)|(?<=\d)[．]/g, '.').replace(/(?<=(^|[^\d.])\d)\s*[、，,](?=\s*[\u4e00-\u9fff])/g, '.');
  }
  return t;
}

/** For label matching: normalised, every whitespace removed. */
export function compact(s: string): string {
  return normalizeText(s).replace(/\s+/g, '');
}

/** 二〇二三 → 2023 (only for runs of Chinese numerals used as digits). */
export function chineseYearToDigits(s: string): string {
  return s.replace(/[〇零○一二三四五六七八九]{4}(?=\s*年)/g, (m) => [...m].map((c) => CN_DIGITS[c] ?? c).join(''));
}

export function isHan(ch: string): boolean {
  return /\p{Script=Han}/u.test(ch);
}

export function countHan(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}
