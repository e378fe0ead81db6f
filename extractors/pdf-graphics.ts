/**
 * pdf.js operator list → ruling segments. Tracks the current transformation matrix through save/restore,
 * transform and form XObjects; keeps stroked straight lines and thin dark filled rectangles (how Word and
 * WPS draw cell borders); ignores white fills (cell backgrounds), curves and diagonals.
 */
import type { Segment } from './layout-types.ts';

export type Matrix = [number, number, number, number, number, number];

/** pdf.js numeric op codes the walker needs (a subset of `OPS`). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;
const THIN = 2.5;

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** Follows the current transformation matrix through save/restore, transform and form XObjects. */
export class CtmTracker {
  ctm: Matrix = [1, 0, 0, 1, 0, 0];
  private stack: Matrix[] = [];
  constructor(private ops: Pick<OpCodes, 'save' | 'restore' | 'transform' | 'paintFormXObjectBegin' | 'paintFormXObjectEnd'>) {}
  /** Applies `fn` if it is a matrix operator; returns true when it was one. */
  step(fn: number, args: unknown[]): boolean {
    const o = this.ops;
    if (fn === o.save) this.stack.push(this.ctm);
    else if (fn === o.restore) this.ctm = this.stack.pop() ?? this.ctm;
    else if (fn === o.transform) this.ctm = multiply(this.ctm, args as Matrix);
    else if (fn === o.paintFormXObjectBegin) {
      this.stack.push(this.ctm);
      const m = args[0] as number[] | null;
      if (m && m.length === 6) this.ctm = multiply(this.ctm, m as Matrix);
    } else if (fn === o.paintFormXObjectEnd) this.ctm = this.stack.pop() ?? this.ctm;
    else return false;
    return true;
  }
}

/** True for near-white colours (cell backgrounds, erasers). */
function isLight(hex: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return false;
  return [m[1], m[2], m[3]].every((h) => Number.parseInt(h, 16) > 0xe0);
}

function axisSegment(a: [number, number], b: [number, number]): Segment | undefined {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy < 0.8 && dx > 1) {
    const y = (a[1] + b[1]) / 2;
    return { x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: y, y1: y };
  }
  if (dx < 0.8 && dy > 1) {
    const x = (a[0] + b[0]) / 2;
    return { x0: x, x1: x, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) };
  }
  return undefined;
}

/** Subpaths of a pdf.js DrawOPS buffer as point lists (curves dropped: they break the subpath). */
function subpaths(buf: ArrayLike<number>): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let cur: { points: [number, number][]; closed: boolean; curved: boolean } | undefined;
  for (let i = 0; i < buf.length; ) {
    const op = buf[i++];
    if (op === DRAW_MOVE) {
      cur = { points: [[buf[i], buf[i + 1]]], closed: false, curved: false };
      out.push(cur);
      i += 2;
    } else if (op === DRAW_LINE) {
      cur?.points.push([buf[i], buf[i + 1]]);
      i += 2;
    } else if (op === DRAW_CURVE) {
      if (cur) cur.curved = true;
      i += 6;
    } else if (op === DRAW_QUAD) {
      if (cur) cur.curved = true;
      i += 4;
    } else if (op === DRAW_CLOSE) {
      if (cur) cur.closed = true;
    } else break;
  }
  return out;
}

/**
 * Segments in viewport coordinates. `toViewport` maps a PDF user-space point to the top-left-origin viewport.
 */
export function extractSegments(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  ops: OpCodes,
  toViewport: (x: number, y: number) => [number, number],
): Segment[] {
  const segments: Segment[] = [];
  const ctm = new CtmTracker(ops);
  let stroke = '#000000';
  let fill = '#000000';
  const strokeOps = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fillOps = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const toPage = (p: [number, number]): [number, number] => {
    const [x, y] = apply(ctm.ctm, p[0], p[1]);
    return toViewport(x, y);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (ctm.step(fn, args)) continue;
    if (fn === ops.setStrokeRGBColor) stroke = String(args[0]);
    else if (fn === ops.setFillRGBColor) fill = String(args[0]);
    else if (fn === ops.constructPath) {
      const paint = args[0] as number;
      const buf = (args[1] as unknown[])[0] as ArrayLike<number> | null;
      if (!buf) continue;
      const isStroke = strokeOps.has(paint) && !isLight(stroke);
      const isFill = fillOps.has(paint) && !isLight(fill);
      if (!isStroke && !isFill) continue;
      for (const sp of subpaths(buf)) {
        if (sp.curved) continue;
        subpathSegments(sp.points.map(toPage), sp.closed, isStroke, isFill, segments);
      }
    }
  }
  return segments;
}

/**
 * The ruling segments of one straight subpath (page coordinates): each axis-aligned edge when stroked, and
 * the subpath as one line when it is a thin filled bar. Shared with the MuPDF route (pdf-mupdf.ts).
 */
export function subpathSegments(pts: [number, number][], closed: boolean, stroked: boolean, filled: boolean, segments: Segment[]): void {
  if (stroked) {
    const ring = closed && pts.length > 2 ? [...pts, pts[0]!] : pts;
    for (let k = 1; k < ring.length; k++) {
      const s = axisSegment(ring[k - 1]!, ring[k]!);
      if (s) segments.push(s);
    }
  }
  if (filled && pts.length >= 4) {
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
    if (y1 - y0 <= THIN && x1 - x0 > 2) segments.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
    else if (x1 - x0 <= THIN && y1 - y0 > 2) segments.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
  }
}
