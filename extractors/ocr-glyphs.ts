/**
 * How many digits a value cell's ink holds: printed digits stand apart, so the runs of inked columns at
 * least half as high as the tallest are the digits (a minus, a point or a speck is lower). When the page
 * reading and the digit re-reads disagree on how many digits a number has (「11」 read 「1」, 「10」 read 「1」),
 * the one reading whose count the ink shows wins; if none or several do, or the vote was sure, it stands.
 */
import type { Gray } from './raster.ts';
import { inkRuns } from './ocr-sign.ts';

export function glyphCount(g: Gray, box: [number, number, number, number]): number | null {
  const all = inkRuns(g, box);
  if (all.length === 0) return null;
  // Runs at the edges of the cut are border remnants (the cell's rule, skewed into it), not digits.
  const left = Math.min(...all.map((r) => r.x0)), right = Math.max(...all.map((r) => r.x1));
  const inner = Math.round((box[2] - box[0]) * 0.12);
  const runs = all.filter((r) => !((r.x0 <= left && r.x0 - box[0] < inner) || (r.x1 >= right && box[2] - r.x1 < inner)) || r.x1 - r.x0 > 2);
  const heights = runs.map((r) => r.y1 - r.y0 + 1).sort((a, b) => a - b);
  const typical = heights[heights.length >> 1] ?? 0;
  if (typical < 8) return null;
  const digits = runs.filter((r) => r.y1 - r.y0 + 1 >= 0.5 * typical);
  // A run taller than the digits (a rule) or much wider than their height (digits touching): not known.
  if (digits.some((r) => r.y1 - r.y0 + 1 > 1.5 * typical || r.x1 - r.x0 + 1 > 0.9 * typical)) return null;
  return digits.length;
}

interface Reading { text: string; confidence: number }
interface Verdict { text: string; confidence: number; kind: 'repaired' | 'disagree' | 'confirmed' }

/** A reading's number: spaces out, specks or border remnants (points, commas, a trailing dash) at its ends dropped. */
const digitsOf = (t: string) => t.replace(/\s+/g, '').replace(/^[.,]+|(?<=\d)[.,\-–—]+$|[.,]+$/g, '');
const NUMBER = /^-?\d+$/;

/**
 * The vote's verdict checked against the ink's digit count: when the readings (page and re-reads) are
 * whole numbers of different lengths and exactly one distinct reading has as many digits as the ink shows,
 * it is taken (confidence at most 60: a number no check confirms is still flagged by the parser).
 */
export function byGlyphs(v: Verdict | undefined, first: Reading, reads: Reading[], glyphs: number | null): Verdict | undefined {
  // Only where the readings left the vote in doubt; a slash, a dash or nothing read stands too.
  if (!v || v.kind !== 'disagree' || glyphs === null || !NUMBER.test(v.text)) return v;
  const current = v.text;
  const texts = [...new Set([first, ...reads].map((r) => digitsOf(r.text)).filter((t) => NUMBER.test(t)))];
  if (texts.length < 2 || new Set(texts.map((t) => t.replace('-', '').length)).size < 2) return v;
  const fit = texts.filter((t) => t.replace('-', '').length === glyphs);
  if (fit.length !== 1) return v;
  const chosen = current.replace('-', '').length === glyphs ? null : fit[0]!;
  if (chosen === null) return v;
  const conf = Math.min(60, Math.max(...[first, ...reads].filter((r) => digitsOf(r.text) === chosen).map((r) => r.confidence)));
  return { text: chosen, confidence: conf, kind: 'repaired' };
}

/** Least number of readings (of the page's and the four re-reads) agreeing on a number for it to overrule the vote. */
const MAJORITY = 3;

/** Least confidence of an eng re-read of a slash for it to stand against the page's reading. */
const SLASH_READ = 40;

/**
 * eng re-reads a slash (「/」 standing for none), and no number is read surely (by two re-reads alike, or one
 * at 80 or more): chi_sim and the page take a slash for 7, 1, 4 or nothing.
 */
function slashRead(reads: ModelReading[]): boolean {
  if (!reads.some((r) => r.model === 'eng' && /^[\/／]$/.test(r.text.replace(/[\s.,]/g, '')) && r.confidence >= SLASH_READ)) return false;
  const numbers = reads.map((r) => ({ t: digitsOf(r.text), c: r.confidence })).filter((r) => NUMBER.test(r.t));
  return !numbers.some((r) => r.c >= 80 || numbers.filter((o) => o.t === r.t).length >= 2);
}

/** A re-read and the model that made it (chi_sim repeats the page reading's mistakes; eng is independent). */
export interface ModelReading extends Reading {
  model: string;
  /** A strip re-read (psm 6) or the cell's line of ink read alone (psm 7, the surest on one line of digits). */
  kind?: 'strip' | 'line';
}

/**
 * The vote's verdict checked against every reading of the cell (the page's, the strip re-reads and the
 * one-line re-reads): a number more of them read than any other, by at least three and by both models (or
 * by two, both models, when the ink shows as many digits or when they are the two one-line re-reads), wins over the vote's number (the page and its own model's re-reads alone do not: they share its mistakes).
 * Only numbers: a slash, a dash or an empty cell stands as the vote left it.
 */
export function byConsensus(v: Verdict | undefined, first: Reading, reads: ModelReading[], glyphs: number | null = null): Verdict | undefined {
  const current = digitsOf(v ? v.text : first.text);
  if (current !== '/' && slashRead(reads)) return { text: '/', confidence: 60, kind: 'repaired' };
  // A cell the page read empty: filled only when all four re-reads read one number (a lone 「1」 the page lost),
  // with a low confidence, so that the parser flags it.
  if (current === '' && !v && reads.length >= 4) {
    const texts = new Set(reads.map((r) => digitsOf(r.text)));
    const [only] = texts;
    if (texts.size === 1 && only !== undefined && NUMBER.test(only)) return { text: only, confidence: 40, kind: 'repaired' };
  }
  if (!NUMBER.test(current)) return v;
  const support = new Map<string, { n: number; models: Set<string> }>();
  for (const r of [{ ...first, model: 'page' }, ...reads]) {
    const t = digitsOf(r.text);
    if (!NUMBER.test(t)) continue;
    const s = support.get(t) ?? { n: 0, models: new Set<string>() };
    s.n++;
    s.models.add(r.model);
    support.set(t, s);
  }
  const ranked = [...support.entries()].sort((a, b) => b[1].n - a[1].n);
  const readModels = [...new Set(reads.map((r) => r.model))];
  // Two numbers read equally often (「1」 by the page and eng, 「11」 by chi_sim and eng): the ink's digit count
  // decides, when exactly one of them has it and both models read that one.
  const tied = ranked.filter(([, x]) => x.n === ranked[0]?.[1].n && x.n >= 2);
  if (tied.length >= 2 && glyphs !== null) {
    const fit = tied.filter(([t]) => t.replace('-', '').length === glyphs);
    if (fit.length === 1 && fit[0]![0] !== current && readModels.every((m) => fit[0]![1].models.has(m))) return { text: fit[0]![0], confidence: 60, kind: 'repaired' };
  }
  const [top, best] = ranked[0] ?? ['', { n: 0, models: new Set<string>() }];
  // Two readings, one per model, whose digit count the ink shows, do as well as three.
  const inked = best.n === 2 && glyphs !== null && top.replace('-', '').length === glyphs;
  // So do the two one-line re-reads, one per model, when no other number is read twice.
  const lines = reads.filter((r) => r.kind === 'line');
  const byLines = best.n === 2 && lines.length === 2 && lines.every((r) => digitsOf(r.text) === top) && new Set(lines.map((r) => r.model)).size === 2;
  if ((best.n < MAJORITY && !inked && !byLines) || ranked[1]?.[1].n === best.n || top === current) return v;
  if (readModels.some((m) => !best.models.has(m))) return v;
  return { text: top, confidence: 60, kind: 'repaired' };
}
