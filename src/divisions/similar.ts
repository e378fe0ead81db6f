/**
 * Which one-character misspellings are plausible: a substitution of a visually similar character (OCR:
 * 涞 → 涑, 沭 → 沐) or of a homophone (pinyin input: 仲 → 中, 乡 → 相). Anything else (三里屯 vs 六里屯,
 * 上仓 vs 下仓, an inserted 大) names a different place, typically one merged away since the registry date,
 * and is never taken for a misspelling.
 */
import { pinyin } from 'pinyin-pro';

/** Groups of characters that OCR confuses (same shape, one stroke apart, same phonetic component). */
const CONFUSABLE_GROUPS = [
  '涞涑', '沭沐', '己已巳', '戊戌戍', '未末', '土士', '日曰', '冶治', '汨汩', '崇祟', '嵩蒿', '淄缁', '亳毫',
  '泌沁', '汶汉', '滦栾', '潢璜', '睢雎', '渑绳', '杞祀', '岢苛', '兖衮', '莒苕', '峄绎', '邳丕', '濮璞',
  '鄄甄', '郯啖', '荥荣', '邙芒', '淇琪', '辉晖', '旺汪江', '仟任', '千干于', '人入八', '大太犬', '王玉主',
  '刁习', '折拆', '候侯', '拔拨', '梁粱', '赢嬴羸', '坊访', '营菅', '沽估', '浚俊', '泊柏', '圩圬', '垸院',
  '牛午', '仲忡', '庄压', '山出', '平乎', '水永', '宁宇', '贝见', '木本术', '田由甲申', '口囗', '开升',
  '鸟乌', '白自', '天夭', '失矢', '市巿', '伐代', '免兔', '壶壸', '设没', '汩泪', '姐妲', '洲州',
];
const CONFUSABLE = new Set<string>();
for (const g of CONFUSABLE_GROUPS) {
  const cs = [...g];
  for (const a of cs) for (const b of cs) if (a !== b) CONFUSABLE.add(a + b);
}

const readings = new Map<string, string>();

/** The usual toneless reading of a character ('' for a non-Han character). */
export function readingOf(ch: string): string {
  let r = readings.get(ch);
  if (r === undefined) {
    r = /\p{Script=Han}/u.test(ch) ? pinyin(ch, { toneType: 'none' }) : '';
    readings.set(ch, r);
  }
  return r;
}

export function confusable(a: string, b: string): boolean {
  return CONFUSABLE.has(a + b);
}

/**
 * Two characters with the same usual toneless reading (屯 tun / 吞 tun). Rare readings are left out: 汤 can
 * be read shang, but 汤浦 is not a misspelt 上浦.
 */
export function homophone(a: string, b: string): boolean {
  const ra = readingOf(a);
  return ra !== '' && ra === readingOf(b);
}

/** The single differing position of two equal-length names, or -1 (no difference, or more than one). */
function oneSubstitution(A: string[], B: string[]): number {
  if (A.length !== B.length) return -1;
  let at = -1;
  for (let i = 0; i < A.length; i++) {
    if (A[i] === B[i]) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/** `written` is `name` with one visually similar or homophone character substituted. */
export function plausibleMisspelling(written: string, name: string): boolean {
  const A = [...written];
  const B = [...name];
  const at = oneSubstitution(A, B);
  return at >= 0 && (confusable(A[at], B[at]) || homophone(A[at], B[at]));
}

/** `written` differs from `name` by one visually similar character only (the OCR kind). */
export function isConfusableVariant(written: string, name: string): boolean {
  const A = [...written];
  const B = [...name];
  const at = oneSubstitution(A, B);
  return at >= 0 && confusable(A[at], B[at]);
}
