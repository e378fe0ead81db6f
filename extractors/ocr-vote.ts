/**
 * Pure vote between readings of one table value cell: the page OCR's reading and digit-whitelisted re-reads
 * (tesseract chi_sim and eng). A number two readings agree on wins; a lone reading contradicted by another
 * clean number is kept only with a low confidence, so the parser flags it instead of trusting it.
 */

export const CLEAN_NUMBER = /^[-+]?\d[\d,.]*%?$/;
/** Marks that stand for "none" or "not applicable" in value cells: never replaced by digits. */
const SYMBOL = /[\/／—–\-－一×xX*＊]/;
/** A value cell holding only a dash (or 一, chi_sim's reading of a dash). */
export const DASH_LIKE = /^[一—–―─－_-]{1,3}$/;
/** Least confidence of a lone digit reading to fill a cell the page OCR found empty. */
export const EMPTY_FILL_CONFIDENCE = 50;
/** Confidence given to a cell whose readings disagree. */
export const DISAGREE_CONFIDENCE = 20;
/** Highest confidence given to a repaired cell (it was not what the page OCR read). */
const REPAIR_CAP = 80;

export interface Reading {
  text: string;
  confidence: number;
}

export interface Verdict {
  text: string;
  confidence: number;
  kind: 'repaired' | 'disagree' | 'confirmed';
}

/** A value cell's reading with letters OCR confuses with digits mapped back (4o7 → 407, l9 → 19). */
export function digitLike(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (!/\d/.test(t) || !/^[\doOlI|.,-]+$/.test(t)) return t;
  return t.replace(/[oO]/g, '0').replace(/[lI|]/g, '1');
}

/**
 * Decides a value cell from the page reading `first` and the re-reads. Returns undefined when the page
 * reading stands as it is.
 */
export function voteCell(first: Reading, rereads: Reading[]): Verdict | undefined {
  const raw = first.text.replace(/\s+/g, '');
  // Dashes standing for "none" are read as 一 (Han "one") by chi_sim: written back as a dash.
  if (DASH_LIKE.test(raw)) return raw === '—' ? undefined : { text: '—', confidence: Math.min(REPAIR_CAP, first.confidence), kind: 'repaired' };
  if (SYMBOL.test(raw) && !/\d/.test(raw)) return undefined;
  const a = digitLike(raw);
  const aClean = CLEAN_NUMBER.test(a);
  const others = rereads.map((r) => ({ text: r.text.replace(/\s+/g, ''), confidence: r.confidence })).filter((r) => CLEAN_NUMBER.test(r.text));
  const votes = new Map<string, number[]>();
  if (aClean) votes.set(a, [first.confidence]);
  for (const r of others) votes.set(r.text, [...(votes.get(r.text) ?? []), r.confidence]);
  const ranked = [...votes.entries()].sort((x, y) => y[1].length - x[1].length);
  const [top, second] = ranked;
  if (top && top[1].length >= 2 && (!second || second[1].length < top[1].length)) {
    // 「1 2 1」: spaced digits of one number (full-width digits) are written back joined.
    if (top[0] === raw && raw !== first.text.trim()) return { text: raw, confidence: Math.min(REPAIR_CAP, Math.max(...top[1])), kind: 'repaired' };
    if (top[0] === raw) {
      // Readings that agree confirm a page reading tesseract was unsure of (lone digits often score low).
      const best = Math.min(REPAIR_CAP, Math.max(...top[1]));
      return ranked.length === 1 && best > first.confidence ? { text: raw, confidence: best, kind: 'confirmed' } : undefined;
    }
    const contested = ranked.length > 1;
    const base = Math.min(REPAIR_CAP, Math.max(...top[1]));
    return { text: top[0], confidence: contested ? Math.min(base, 60) : base, kind: 'repaired' };
  }
  if (aClean) {
    if (others.some((r) => r.text !== a)) return { text: a, confidence: Math.min(DISAGREE_CONFIDENCE, first.confidence), kind: 'disagree' };
    return a === raw ? undefined : { text: a, confidence: Math.min(REPAIR_CAP, first.confidence), kind: 'repaired' };
  }
  if (others.length === 0) return undefined;
  const best = others[0];
  if (others.some((r) => r.text !== best.text)) return { text: best.text, confidence: DISAGREE_CONFIDENCE, kind: 'disagree' };
  // A lone re-read of a cell the page OCR found empty may be specks: it needs some confidence.
  if (raw === '' && best.confidence < EMPTY_FILL_CONFIDENCE) return undefined;
  return { text: best.text, confidence: Math.min(REPAIR_CAP, best.confidence), kind: 'repaired' };
}
