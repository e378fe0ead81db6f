/**
 * Pure text rules: does a link text name an annual report (政府信息公开工作年度报告) for a year, a 年报 column,
 * a year sub-column; publication dates.
 */
import { nonReportReason } from './link-words.ts';

export const FIRST_YEAR = 2008;

/** NFKC, no whitespace (link texts are often padded or split across lines). */
export function normaliseText(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');
}

const CN_DIGIT: Record<string, string> = {
  〇: '0', 零: '0', Ｏ: '0', O: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};

/** `二〇二三年` → `2023年` (only 4-numeral runs, so ordinary text is untouched). */
function arabicYears(s: string): string {
  return s.replace(/([〇零Ｏ一二三四五六七八九]{4})(?=年)/g, (m) => [...m].map((c) => CN_DIGIT[c] ?? c).join(''));
}

function inRange(y: number, now: Date): boolean {
  return y >= FIRST_YEAR && y <= now.getFullYear();
}

/** The report year a title names (2008..now): `2023年度` first, then `2023年`, then a bare year. */
export function reportYear(title: string, now = new Date()): number | undefined {
  const t = arabicYears(normaliseText(title));
  for (const re of [/(?<!\d)(\d{4})年度/g, /(?<!\d)(\d{4})年/g, /(?<!\d)(\d{4})(?!\d)/g]) {
    for (const m of t.matchAll(re)) {
      const y = Number(m[1]);
      if (inRange(y, now)) return y;
    }
  }
  return undefined;
}

const DISCLOSURE = /(信息公开|政务公开|政府公开)/;
const REPORT_WORD = /(年度报告|年报|工作报告|年度工作报告|工作的报告|工作情况的报告|情况报告)/;

/**
 * True when a link text names an annual report for a year. Outside a 年报 column the text must name
 * 信息公开/政务公开 and a report; inside one, a year and 报告/年报 are enough (`2023年度报告`).
 */
export function isReportTitle(title: string, options: { inColumn?: boolean; now?: Date } = {}): boolean {
  const t = arabicYears(normaliseText(title));
  if (t.length < 4 || t.length > 120) return false;
  if (reportYear(t, options.now) === undefined) return false;
  if (nonReportReason(t) !== undefined) return false;
  if (DISCLOSURE.test(t) && REPORT_WORD.test(t)) return true;
  // Truncated list titles: "…2023年政府信息公开工作年度…"
  if (DISCLOSURE.test(t) && /年度(…|\.\.\.)?$/.test(t)) return true;
  // In a 年报 column a year and 报告/年报 are enough, or a year and 信息公开 (「2022年度信息公开」).
  return options.inColumn === true && (/(报告|年报)/.test(t) || (DISCLOSURE.test(t) && /\d{4}年/.test(t)));
}

/** A link text that names a 年报 column: 政府信息公开年报, 信息公开年度报告, 年度报告, 年报 (no year). */
export function isColumnText(text: string): boolean {
  const t = normaliseText(text);
  if (t.length === 0 || t.length > 24) return false;
  if (/\d{4}/.test(arabicYears(t))) return false;
  if (nonReportReason(t) !== undefined) return false;
  return /(信息公开|政务公开)(工作)?(年度报告|年报)|^(年度报告|年报|工作年报)$|年度报告$|年报$/.test(t);
}

/** URL slugs of 年报 columns. */
const COLUMN_SLUG = /(^|[/_.-])(zfxxgknb|xxgknb|gknb|ndbb|ndbg|zfxxgkndbg|xxgkndbg|gkndbg|nb)([/_.-]|$)/i;

export function hasColumnSlug(url: string): boolean {
  try {
    return COLUMN_SLUG.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** A year sub-column inside a 年报 column: `2023年`, `2023年度`, `2023`. */
export function isYearText(text: string, now = new Date()): boolean {
  const t = arabicYears(normaliseText(text));
  const m = /^(\d{4})(年度?)?(年报|报告)?$/.exec(t);
  return m !== null && inRange(Number(m[1]), now);
}

/** A township or department sub-column: `高良涧街道`, `区教育局`, `乡镇年报`, `部门年报`. */
export function isBodyText(text: string): boolean {
  const t = normaliseText(text);
  if (t.length < 2 || t.length > 20 || /\d{4}/.test(t)) return false;
  return /(镇|乡|街道|办事处|管委会|局|委员会|委|办公室|办|院|中心|部门|乡镇|区|县|市|政府|公署)(年报|年度报告)?$/.test(t);
}

/** First date in a text as YYYY-MM-DD (`2024-01-15`, `2024年1月15日`, `2024/01/15`, `2024.1.15`). */
export function findDate(text: string, now = new Date()): string | undefined {
  const t = text.normalize('NFKC');
  for (const m of t.matchAll(/(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/g)) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (y < FIRST_YEAR || y > now.getFullYear() + 1 || mo < 1 || mo > 12 || d < 1 || d > 31) continue;
    return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  return undefined;
}
