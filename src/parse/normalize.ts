/** Text normalisation shared by every matcher: NFKC, one bracket and enumerator style, no stray marks. */

const CN_DIGITS: Record<string, string> = { '〇': '0', '零': '0', 'Ｏ': '0', '○': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/**
 * NFKC (full-width digits and punctuation → ASCII), unified quotes and dashes, 、 after a digit → '.',
 * markdown emphasis removed. Keeps whitespace (cell and line structure matter to the caller).
 */
const NEEDS_WORK = /[^\t\n\r -~\u4e00-\u9fff]|[*_\[\]]|\d\s*[、，]|[、，]/;

export function normalizeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s; // plain ASCII and CJK ideographs only: already normal
  return s
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\ufeff\u00ad]/g, '')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/[“”„‟"「」『』]/g, '')
    .replace(/[‘’']/g, '')
    .replace(/[．。](?=\d)|(?<=\d)[．]/g, '.')
    .replace(/(?<=(^|[^\d.])\d)\s*[、，](?=\s*[\u4e00-\u9fff])/g, '.')
    .replace(/\*\*|__/g, '')
    .replace(/[〔【\[]/g, '(')
    .replace(/[〕】\]]/g, ')');
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
