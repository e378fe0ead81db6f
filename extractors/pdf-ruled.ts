/**
 * Ruled tables: ruling segments → table frames (column and row boundaries, merged cells found where a
 * border is missing) → words placed into cells. Works the same for PDF text layers and OCR (segments from
 * the raster).
 */
import { clusterValues, isHorizontal, type Segment, type Word } from './layout-types.ts';

export interface RuledCell {
  /** Elementary row/column range, end exclusive. */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  words: Word[];
  /** Text fixed when fragments were joined across pages (words of two pages cannot be re-sorted). */
  joinedText?: string;
}

export interface RuledTable {
  /** Column boundaries (left to right) and row boundaries (top to bottom). */
  xs: number[];
  ys: number[];
  cells: RuledCell[];
  /** False when a merged region was not rectangular (the cell was kept as its bounding box). */
  rectangular: boolean;
}

const JOIN_TOL = 1.5;
const TOUCH_TOL = 3;
const MIN_BAND = 3.5;

/** Merges collinear overlapping segments of one orientation. */
export function mergeSegments(segs: Segment[], horizontal: boolean): Segment[] {
  const key = (s: Segment) => (horizontal ? s.y0 : s.x0);
  const lo = (s: Segment) => (horizontal ? s.x0 : s.y0);
  const hi = (s: Segment) => (horizontal ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => key(a) - key(b));
  const lanes: Segment[][] = [];
  for (const s of sorted) {
    const lane = lanes[lanes.length - 1];
    if (lane && Math.abs(key(lane[lane.length - 1]) - key(s)) <= JOIN_TOL) lane.push(s);
    else lanes.push([s]);
  }
  const out: Segment[] = [];
  for (const lane of lanes) {
    const k = lane.reduce((a, s) => a + key(s), 0) / lane.length;
    lane.sort((a, b) => lo(a) - lo(b));
    let a = lo(lane[0]);
    let b = hi(lane[0]);
    const emit = () => out.push(horizontal ? { x0: a, x1: b, y0: k, y1: k } : { x0: k, x1: k, y0: a, y1: b });
    for (const s of lane.slice(1)) {
      if (lo(s) <= b + JOIN_TOL) b = Math.max(b, hi(s));
      else { emit(); a = lo(s); b = hi(s); }
    }
    emit();
  }
  return out;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

function touches(h: Segment, v: Segment): boolean {
  return v.x0 >= h.x0 - TOUCH_TOL && v.x0 <= h.x1 + TOUCH_TOL && h.y0 >= v.y0 - TOUCH_TOL && h.y0 <= v.y1 + TOUCH_TOL;
}

/** Rule ends meet their perpendicular within a line's thickness; glyph strokes keep a cell's padding away. */
const END_TOL = 1.6;
const near = (a: number, b: number) => Math.abs(a - b) <= END_TOL;

/**
 * Drops segments with neither end on a perpendicular line: glyph strokes (OCR rasters) and underlines float
 * inside cells, while table rules end on other rules.
 */
export function pruneFloating(hs: Segment[], vs: Segment[]): { hs: Segment[]; vs: Segment[] } {
  let h = hs;
  let v = vs;
  for (let round = 0; round < 3; round++) {
    const nh = h.filter((s) => v.some((t) => (near(t.x0, s.x0) || near(t.x0, s.x1)) && s.y0 >= t.y0 - TOUCH_TOL && s.y0 <= t.y1 + TOUCH_TOL));
    const nv = v.filter((s) => nh.some((t) => (near(t.y0, s.y0) || near(t.y0, s.y1)) && s.x0 >= t.x0 - TOUCH_TOL && s.x0 <= t.x1 + TOUCH_TOL));
    if (nh.length === h.length && nv.length === v.length) break;
    h = nh;
    v = nv;
  }
  return { hs: h, vs: v };
}

/** Longest level stroke (points) taken for a printed dash rather than a piece of a rule: 「——」 at 12 pt is 24 pt. */
const DASH_MAX = 40;
/** Least gap (points) between a dash's free end and any vertical line. */
const DASH_CLEAR = 5;

/**
 * Level strokes among horizontal rules that are printed dashes (「——」 for "none"), not rules: short, one end
 * free of every vertical line, and on a line of the page where nothing longer lies (a row of dashes, each
 * beside its cell's left border; a rule broken by noise keeps long pieces on its line). An OCR raster keeps
 * their ink, so the cell is not read empty.
 */
export function levelStrokes(hs: Segment[], vs: Segment[]): Set<Segment> {
  const out = new Set<Segment>();
  const free = (x: number, y: number) => !vs.some((v) => Math.abs(v.x0 - x) <= DASH_CLEAR && y >= v.y0 - TOUCH_TOL && y <= v.y1 + TOUCH_TOL);
  for (const s of hs) {
    if (s.x1 - s.x0 > DASH_MAX || !(free(s.x0, s.y0) || free(s.x1, s.y0))) continue;
    const lane = hs.filter((o) => Math.abs(o.y0 - s.y0) <= 2 * JOIN_TOL);
    if (lane.every((o) => o.x1 - o.x0 <= DASH_MAX)) out.add(s);
  }
  return out;
}

/** Groups of connected segments that look like table frames (≥ 2 horizontal and ≥ 2 vertical lines). */
function frames(hs: Segment[], vs: Segment[]): { hs: Segment[]; vs: Segment[] }[] {
  const all = [...hs, ...vs];
  const parent = all.map((_, i) => i);
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < vs.length; j++) {
      if (touches(hs[i], vs[j])) parent[find(parent, i)] = find(parent, hs.length + j);
    }
  }
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  all.forEach((s, i) => {
    const root = find(parent, i);
    const g = groups.get(root) ?? { hs: [], vs: [] };
    (isHorizontal(s) ? g.hs : g.vs).push(s);
    groups.set(root, g);
  });
  return [...groups.values()].filter((g) => g.hs.length >= 2 && g.vs.length >= 2);
}

/** Boundaries from line positions, plus open outer edges, with bands thinner than MIN_BAND merged. */
function boundaries(positions: number[], lo: number, hi: number): number[] {
  const vals = clusterValues(positions, 2.5);
  if (vals[0] - lo > MIN_BAND) vals.unshift(lo);
  if (hi - vals[vals.length - 1] > MIN_BAND) vals.push(hi);
  const out: number[] = [];
  for (const v of vals) {
    if (out.length > 0 && v - out[out.length - 1] < MIN_BAND) out[out.length - 1] = (out[out.length - 1] + v) / 2;
    else out.push(v);
  }
  return out;
}

function covered(segs: Segment[], at: number, a: number, b: number, horizontal: boolean): boolean {
  const need = (b - a) * 0.6;
  let got = 0;
  for (const s of segs) {
    const k = horizontal ? s.y0 : s.x0;
    if (Math.abs(k - at) > 2.5) continue;
    const lo = Math.max(a, horizontal ? s.x0 : s.y0);
    const hi = Math.min(b, horizontal ? s.x1 : s.y1);
    if (hi > lo) got += hi - lo;
  }
  return got >= need;
}

function frameToTable(hs: Segment[], vs: Segment[]): RuledTable | undefined {
  const minX = Math.min(...hs.map((s) => s.x0), ...vs.map((s) => s.x0));
  const maxX = Math.max(...hs.map((s) => s.x1), ...vs.map((s) => s.x0));
  const minY = Math.min(...vs.map((s) => s.y0), ...hs.map((s) => s.y0));
  const maxY = Math.max(...vs.map((s) => s.y1), ...hs.map((s) => s.y0));
  if (maxX - minX < 20 || maxY - minY < 8) return undefined;
  const xs = boundaries(vs.map((s) => s.x0), minX, maxX);
  const ys = boundaries(hs.map((s) => s.y0), minY, maxY);
  const nR = ys.length - 1;
  const nC = xs.length - 1;
  if (nR < 1 || nC < 1 || nR * nC > 20_000) return undefined;
  const id = (r: number, c: number) => r * nC + c;
  const parent = Array.from({ length: nR * nC }, (_, i) => i);
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      if (c + 1 < nC && !covered(vs, xs[c + 1], ys[r], ys[r + 1], false)) parent[find(parent, id(r, c))] = find(parent, id(r, c + 1));
      if (r + 1 < nR && !covered(hs, ys[r + 1], xs[c], xs[c + 1], true)) parent[find(parent, id(r, c))] = find(parent, id(r + 1, c));
    }
  }
  const groups = new Map<number, RuledCell & { n: number }>();
  for (let r = 0; r < nR; r++) {
    for (let c = 0; c < nC; c++) {
      const root = find(parent, id(r, c));
      const g = groups.get(root);
      if (!g) groups.set(root, { r0: r, r1: r + 1, c0: c, c1: c + 1, words: [], n: 1 });
      else { g.r0 = Math.min(g.r0, r); g.r1 = Math.max(g.r1, r + 1); g.c0 = Math.min(g.c0, c); g.c1 = Math.max(g.c1, c + 1); g.n++; }
    }
  }
  let rectangular = true;
  const cells: RuledCell[] = [];
  for (const g of groups.values()) {
    if (g.n !== (g.r1 - g.r0) * (g.c1 - g.c0)) rectangular = false;
    cells.push({ r0: g.r0, r1: g.r1, c0: g.c0, c1: g.c1, words: [] });
  }
  return { xs, ys, cells, rectangular };
}

function indexOf(bounds: number[], v: number): number {
  for (let i = 0; i + 1 < bounds.length; i++) if (v >= bounds[i] && v < bounds[i + 1]) return i;
  return -1;
}

/** Relative advance of a character: Han and full-width forms take a full em, a space a quarter, the rest half. */
function advance(ch: string): number {
  if (ch === ' ') return 0.25;
  return /[\p{Script=Han}\u3000-\u303f\uff01-\uff60\u2018-\u201d\u2026]/u.test(ch) ? 1 : 0.5;
}

/**
 * Splits a word at the table's vertical boundaries it crosses: characters placed by their relative advance
 * (a text run 「…只计 88」 that overflows into the next cell puts its half-width digits there).
 */
function splitAtColumns(w: Word, xs: number[]): Word[] {
  const cuts = xs.filter((x) => x > w.x0 + 2 && x < w.x1 - 2);
  if (cuts.length > 0 && w.chars && w.chars.length > 0) return splitByChars(w, xs);
  const chars = [...w.text];
  if (cuts.length === 0 || chars.length < 2) return [w];
  const widths = chars.map(advance);
  const unit = (w.x1 - w.x0) / widths.reduce((a, b) => a + b, 0);
  const parts: Word[] = [];
  let cur: string[] = [];
  let start = w.x0;
  let x = w.x0;
  chars.forEach((ch, i) => {
    const cx = x + (widths[i] * unit) / 2;
    // A border between the previous character's centre and this one's starts a new part.
    const prevCx = i > 0 ? x - (widths[i - 1] * unit) / 2 : w.x0;
    if (cur.length > 0 && cuts.some((b) => b > prevCx && b <= cx)) {
      parts.push({ ...w, text: cur.join(''), x0: start, x1: x });
      cur = [];
      start = x;
    }
    cur.push(ch);
    x += widths[i] * unit;
  });
  parts.push({ ...w, text: cur.join(''), x0: start, x1: w.x1 });
  return parts;
}

/** Splits an OCR word by its character boxes, each character going to the column holding its centre. */
function splitByChars(w: Word, xs: number[]): Word[] {
  const parts: Word[] = [];
  let cur: NonNullable<Word['chars']> = [];
  let col = -2;
  const emit = () => {
    if (cur.length) parts.push({ ...w, text: cur.map((c) => c.text).join(''), x0: cur[0].x0, x1: cur[cur.length - 1].x1, chars: cur });
    cur = [];
  };
  for (const c of w.chars ?? []) {
    const k = indexOf(xs, (c.x0 + c.x1) / 2);
    if (k !== col) { emit(); col = k; }
    cur.push(c);
  }
  emit();
  return parts;
}

/**
 * Finds ruled tables and places words in their cells. Returns the tables (top to bottom) and the words
 * that fell outside every table.
 */
export function findRuledTables(segments: Segment[], words: Word[]): { tables: RuledTable[]; rest: Word[] } {
  const hs = mergeSegments(segments.filter(isHorizontal), true).filter((s) => s.x1 - s.x0 > 4);
  const vs = mergeSegments(segments.filter((s) => !isHorizontal(s)), false).filter((s) => s.y1 - s.y0 > 4);
  const pruned = pruneFloating(hs, vs);
  const tables = frames(pruned.hs, pruned.vs)
    .map((f) => frameToTable(f.hs, f.vs))
    .filter((t): t is RuledTable => t !== undefined)
    .sort((a, b) => a.ys[0] - b.ys[0]);
  const rest: Word[] = [];
  for (const w of words) {
    const cy = (w.y0 + w.y1) / 2;
    const t = tables.find((t) => cy >= t.ys[0] && cy < t.ys[t.ys.length - 1] && (w.x0 + w.x1) / 2 >= t.xs[0] && (w.x0 + w.x1) / 2 < t.xs[t.xs.length - 1]);
    if (!t) { rest.push(w); continue; }
    const r = indexOf(t.ys, cy);
    for (const part of splitAtColumns(w, t.xs)) {
      const c = indexOf(t.xs, (part.x0 + part.x1) / 2);
      const cell = t.cells.find((k) => r >= k.r0 && r < k.r1 && c >= k.c0 && c < k.c1);
      if (cell) cell.words.push(part);
      else rest.push(part);
    }
  }
  return { tables, rest };
}
