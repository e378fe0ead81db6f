/**
 * Pure vote between readings of one table value cell: the page OCR's reading and digit-whitelisted re-reads
 * (tesseract chi_sim and eng), and the cell's shape. A number two readings agree on wins; a lone reading
 * contradicted by another clean number is kept only with a low confidence, so the parser flags it instead of
 * trusting it.
 */

export const CLEAN_NUMBER = /^[-+]?\d[\d,.]*%?$/;
/** Marks that stand for "none" or "not applicable" in value cells: never replaced by digits. */
const SYMBOL = /[\/／—–\-－一×xX*＊]/;
/** A value cell holding only a dash (or 一, chi_sim's reading of a dash). */
export const DASH_LIKE = /^[一—–―─－_-]{1,3}$/;
/** A slash with border remnants or specks around it, and nothing else. */
const SLASH_WITH_BORDER = /^[1|lI!:;,.]{0,2}[\/／][1|lI!:;,.]{0,2}$/;
/** Least confidence of a lone digit reading to fill a cell the page OCR found empty. */
export const EMPTY_FILL_CONFIDENCE = 50;
/** Confidence given to a cell whose readings disagree. */
export const DISAGREE_CONFIDENCE = 20;
/** Least confidence of both digit re-reads for what they agree on (a slash, a number) to overrule the rest. */
const SURE_SLASH = 80;
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

/**
 * A point or comma before the first or after the last digit is a speck or a border remnant (「0.」); so is a dash
 * after the last digit (「15-」: a number never ends with a minus).
 */
export function trimPoints(text: string): string {
  return /\d/.test(text) ? text.replace(/^[.,]+(?=[\d-])|(?<=\d)[.,\-–—]+$/g, '') : text;
}

/** A value cell's reading with letters OCR confuses with digits mapped back (4o7 → 407, l9 → 19). */
export function digitLike(text: string): string {
  const t = text.replace(/\s+/g, '');
  if (!/\d/.test(t) || !/^[\doOlI|.,-]+$/.test(t)) return t;
  return t.replace(/[oO]/g, '0').replace(/[lI|]/g, '1');
}

/** The reading without one lone border-like mark (1, |, l) set apart by a space at its start or end, else null. */
function withoutEdgeMark(text: string): string | null {
  const parts = text.trim().split(/\s+/);
  if (parts.length !== 2) return null;
  const mark = (p: string) => /^[1|lI!]$/.test(p);
  const rest = mark(parts[1]!) ? parts[0]! : mark(parts[0]!) ? parts[1]! : null;
  return rest !== null && CLEAN_NUMBER.test(rest) ? rest : null;
}

/** Whether `fewer` is `text` with one or more of its digits dropped (same sign, digits in order). */
export function lostDigits(text: string, fewer: string): boolean {
  const a = text.replace(/^-/, ''), b = fewer.replace(/^-/, '');
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b) || b.length >= a.length) return false;
  let i = 0;
  for (const ch of a) if (i < b.length && b[i] === ch) i++;
  return i === b.length;
}

/** Confidence of a cell where the page reading and the independent (eng) re-read disagree. */
export const CONTESTED_CONFIDENCE = 40;

/**
 * Decides a value cell from the page reading `first`, the digit re-read with the page's model (`same`,
 * chi_sim: it tends to repeat the page's mistakes) and with an independent model (`other`, eng). Returns
 * undefined when the page reading stands as it is.
 */
export function voteCell(first: Reading, same?: Reading, other?: Reading, slashStroke = false, dashStroke = false): Verdict | undefined {
  const raw = first.text.replace(/\s+/g, '');
  // The cell's ink is one slanted stroke (ocr-slash.ts): a slash, whatever was read, unless both digit
  // re-reads read the same number surely.
  const sureNumber = !!same && !!other && /^\d+$/.test(same.text) && same.text === other.text && Math.min(same.confidence, other.confidence) >= SURE_SLASH;
  if (slashStroke && first.text !== '/' && !sureNumber) return { text: '/', confidence: REPAIR_CAP, kind: 'repaired' };
  // One level stroke in the middle of the cell (a dash the page OCR dropped with the rules, or read 一 or 1;
  // never a number of several digits the page read).
  if (dashStroke && !/^[—–\-－]$/.test(raw) && !/^\d{2,}$/.test(raw) && !sureNumber) return { text: '—', confidence: REPAIR_CAP, kind: 'repaired' };
  // Dashes standing for "none" are read as 一 (Han "one") by chi_sim: written back as a dash.
  if (DASH_LIKE.test(raw)) return raw === '—' ? undefined : { text: '—', confidence: Math.min(REPAIR_CAP, first.confidence), kind: 'repaired' };
  // A slash standing for "none" next to a cell border: the border is read as 1 or | beside it (「1/」, 「/1」).
  if (raw !== '/' && SLASH_WITH_BORDER.test(raw)) return { text: '/', confidence: Math.min(REPAIR_CAP, first.confidence), kind: 'repaired' };
  // Both digit re-reads see a slash, surely: the page's 1, 0 or 10 there was the slash misread.
  const slash = (r?: Reading) => !!r && /^[\/／]$/.test(r.text.replace(/[\s.,]/g, '')) && r.confidence >= SURE_SLASH;
  if (raw !== '/' && slash(same) && slash(other)) return { text: '/', confidence: REPAIR_CAP, kind: 'repaired' };
  if (SYMBOL.test(raw) && !/\d/.test(raw)) return undefined;
  const a = trimPoints(digitLike(raw));
  const aClean = CLEAN_NUMBER.test(a);
  const clean = (r?: Reading) => {
    const t = r ? trimPoints(r.text.replace(/\s+/g, '')) : '';
    return r && CLEAN_NUMBER.test(t) ? { text: t, confidence: r.confidence } : undefined;
  };
  const c = clean(same);
  const e = clean(other);
  // 「0 4」 with no re-read of a number: two numbers the page OCR put in one cell (a count never starts with 0),
  // not full-width digits to join; the page reading stands as it is.
  if (/^0\d/.test(a) && /\s/.test(first.text.trim()) && !c && !e) return undefined;
  // 「0 1」, 「| 5」: a border remnant standing apart at an edge of the page reading; the re-reads read the rest
  const core = withoutEdgeMark(first.text);
  if (core !== null && (c || e) && [c, e].every((x) => !x || x.text === core)) {
    return { text: core, confidence: Math.min(REPAIR_CAP, Math.max(c?.confidence ?? 0, e?.confidence ?? 0)), kind: 'repaired' };
  }
  const verdict = (text: string, confidence: number, kind: Verdict['kind']): Verdict | undefined => {
    // An empty page reading may be a blank cell or a lost label: only a sure, agreed number fills it.
    if (raw === '' && (kind === 'disagree' || confidence < EMPTY_FILL_CONFIDENCE)) return undefined;
    // 「1 2 1」: spaced digits of one number (full-width digits) are written back joined.
    if (text === first.text.trim()) {
      if (kind === 'disagree') return { text, confidence: Math.min(confidence, first.confidence), kind };
      return kind === 'confirmed' && confidence > first.confidence ? { text, confidence, kind } : undefined;
    }
    return { text, confidence, kind: kind === 'confirmed' ? 'repaired' : kind };
  };
  const cap = (n: number) => Math.min(REPAIR_CAP, n);
  // Re-reads that each dropped different digits of the page reading (「242」 → 「22」, 「2」): strips of noisy
  // cells lose digits; the page reading stands, with a low confidence. (Re-reads agreeing on fewer digits
  // speak against the page: it may have doubled them, 「118118」.)
  if (aClean && a !== '' && c && e && c.text !== e.text && lostDigits(a, c.text) && lostDigits(a, e.text)) {
    return verdict(a, Math.min(DISAGREE_CONFIDENCE, first.confidence), 'disagree');
  }
  if (c && e) {
    if (c.text === e.text) {
      const best = cap(Math.max(c.confidence, e.confidence));
      if (!aClean || a === c.text) return verdict(c.text, best, a === c.text ? 'confirmed' : 'repaired');
      return verdict(c.text, Math.min(best, 60), 'repaired');
    }
    if (a === e.text) return verdict(e.text, cap(Math.min(60, e.confidence)), 'repaired');
    // The page and its model agree against eng (or nothing agrees): the surer re-read wins, flagged.
    const win = e.confidence > c.confidence ? e : c;
    return verdict(win.text, a === c.text ? Math.min(CONTESTED_CONFIDENCE, win.confidence) : Math.min(DISAGREE_CONFIDENCE, win.confidence), 'disagree');
  }
  const x = c ?? e;
  if (aClean) {
    if (!x || x.text === a) return verdict(a, cap(Math.max(first.confidence, x?.confidence ?? 0)), 'confirmed');
    return verdict(a, Math.min(DISAGREE_CONFIDENCE, first.confidence), 'disagree');
  }
  return x ? verdict(x.text, cap(x.confidence), 'repaired') : undefined;
}
