/**
 * Numbers as narrative reports print them: 12456, 1,245, 1.2万, 两次, 二十一件, 十余次, 200余条, 约300人次, 3.5万元.
 * Each comes with its unit (条, 件, 人次, 元, 万元 …) and whether it is approximate (余, 多, 约, 近, 逾, 超过).
 * A number that is not followed by a unit is not read by the narrative reader (years, dates, percentages,
 * phone numbers and section numbers have no count unit).
 */

export interface NumberMatch {
  value: number;
  /** The printed expression, from the first approximation word to the end of the unit. */
  raw: string;
  start: number;
  end: number;
  /** Where the digits (or Chinese numerals) themselves start and end. */
  numStart: number;
  numEnd: number;
  /** 条 件 次 篇 份 项 个 人次 人 名 场 期 起 宗 例 家 处 元 万元, or '' when none follows. */
  unit: string;
  approximate: boolean;
  /** Written in Chinese numerals (两次, 十余件). */
  chinese: boolean;
}

const CN: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 二十一 → 21, 十 → 10, 一百二十 → 120, 两千 → 2000, 三万 → 30000; null when not a well-formed numeral. */
export function chineseNumeral(s: string): number | null {
  if (s === '' || /^[零〇]+$/.test(s) && s.length > 1) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN) {
      if (digit !== null && digit !== 0 && CN[ch] !== 0) return null; // 二三 is not a numeral
      digit = CN[ch]!;
    } else if (ch in CN_UNIT) {
      section += (digit ?? 1) * CN_UNIT[ch]!;
      digit = null;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

/** Count and money units, longest first. */
const UNIT = '(?:人次|万元|元|条|件|次|篇|份|项|个|人|名|场|期|起|宗|例|家|处|批|则)';
const APPROX_BEFORE = '(?:大约|将近|超过|约|近|逾|达到约)';
const ARABIC = '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const CHINESE = '[零〇一二两三四五六七八九十百千万]+';
const NUMBER_RE = new RegExp(
  `(${APPROX_BEFORE})?(${ARABIC}|${CHINESE})(余|多|来)?(万|千)?(余|多)?(${UNIT})?`,
  'g',
);

/**
 * Every number in `text` with what follows it. Chinese numerals count only when a unit follows them
 * directly (一是, 进一步, 统一 are words) and they are not an ordinal (第三次) or part of a word (一次性).
 */
export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(NUMBER_RE)) {
    const [whole, approxWord, num, approxMid, mult, approxEnd, unit] = m;
    const start = m.index!;
    const numStart = start + (approxWord?.length ?? 0);
    const chinese = !/\d/.test(num!);
    const prev = text[numStart - 1] ?? '';
    if (/[\d.]/.test(prev)) continue; // the tail of a longer number the regex split
    let value: number | null;
    if (chinese) {
      if (!unit || unit === '万元' && !/[十百千万]/.test(num!)) continue;
      if (prev === '第' || /^[个次件]性/.test(text.slice(start + whole!.length - 1))) continue;
      if (/^(一|两|二)(个|次|件|名|人)$/.test(`${num}${unit}`) && /[每某这那哪同单逐]$/.test(prev)) continue;
      value = chineseNumeral(num!);
      if (value === null) continue;
    } else {
      value = Number(num!.replace(/,/g, ''));
      if (!Number.isFinite(value)) continue;
    }
    let end = start + whole!.length;
    let u = unit ?? '';
    // 3.5万元 is money printed in 万元; 1.2万条 is 12000 items.
    if (mult === '万' && u === '元') u = '万元';
    else if (mult === '万') value *= 10000;
    else if (mult === '千') value *= 1000;
    // 「200余」 with no unit: the approximation word belongs to the next word (余额), not to the number.
    if (!u && (approxMid || approxEnd)) end -= (approxMid?.length ?? 0) + (mult?.length ?? 0) + (approxEnd?.length ?? 0);
    out.push({
      value: round(value), raw: text.slice(start, end), start, end, numStart, numEnd: numStart + num!.length, unit: u,
      approximate: Boolean(approxWord || (u && (approxMid || approxEnd))), chinese,
    });
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
