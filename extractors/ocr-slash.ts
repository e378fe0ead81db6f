/**
 * A value cell whose ink is one straight stroke rising to the right is a slash (／, "none"), whatever the
 * OCR read there: the page OCR takes a large ／ for 4, 1, 人 or ) now and then. Pure geometry on the cleaned
 * raster: the dark pixels inside the cell (its borders cut away) lie along one line (the second moment
 * across the line tiny beside the one along it), slanted between 25° and 75°. A level one clear of the cell's
 * sides is a dash (isDashStroke).
 */
import type { Gray } from './raster.ts';

export interface StrokeShape {
  /** Dark pixels inside the cell. */
  ink: number;
  /** Spread across the main axis over spread along it (0 = a perfect line). */
  thinness: number;
  /** Angle of the main axis above the horizontal, degrees (positive: rising to the right). */
  angle: number;
  /** Length of the stroke along its axis, in pixels. */
  length: number;
  /** Spread of the ink across its main axis (standard deviation, pixels): a stroke's half thickness. */
  across: number;
  /** Centre of the ink as shares of the inner box (0..1 across, 0..1 down). */
  cx: number;
  cy: number;
  /** Inner box (borders cut away) width and height, pixels. */
  width: number;
  height: number;
}

const DARK = 110;
/** Border margin cut away, as a share of the cell's side (and at least a few pixels). */
const MARGIN = 0.08;

export function strokeShape(g: Gray, box: [number, number, number, number]): StrokeShape | null {
  const [bx0, by0, bx1, by1] = box.map(Math.round) as [number, number, number, number];
  const mx = Math.max(4, Math.round((bx1 - bx0) * MARGIN));
  const my = Math.max(4, Math.round((by1 - by0) * MARGIN));
  const x0 = Math.max(0, bx0 + mx), x1 = Math.min(g.width, bx1 - mx);
  const y0 = Math.max(0, by0 + my), y1 = Math.min(g.height, by1 - my);
  let n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (const p of strokeInk(g, x0, y0, x1, y1)) {
    const x = p % g.width, y = (p - x) / g.width;
    n++; sx += x; sy += y; sxx += x * x; syy += y * y; sxy += x * y;
  }
  if (n === 0) return null;
  const vx = sxx / n - (sx / n) ** 2, vy = syy / n - (sy / n) ** 2, c = sxy / n - (sx / n) * (sy / n);
  const mid = (vx + vy) / 2, d = Math.sqrt(((vx - vy) / 2) ** 2 + c * c);
  const l1 = mid + d, l2 = Math.max(0, mid - d);
  // main axis direction (ex, ey); image y grows downwards, so rising to the right means ey < 0 when ex > 0
  const theta = 0.5 * Math.atan2(2 * c, vx - vy);
  const angle = -theta * 180 / Math.PI;
  const width = x1 - x0, height = y1 - y0;
  return {
    ink: n, thinness: l1 > 0 ? Math.sqrt(l2 / l1) : 1, angle, length: Math.sqrt(12 * l1), across: Math.sqrt(l2),
    cx: (sx / n - x0) / Math.max(1, width), cy: (sy / n - y0) / Math.max(1, height), width, height,
  };
}

/** Specks: dark components this small (pixels, 300 dpi) on both sides and in area are scanner dirt, not ink. */
const SPECK_SIDE = 6;
const SPECK_AREA = 24;

/**
 * The dark pixels (indices into `g.data`) inside the box, specks left out: the scan's dirt around a dash or a
 * slash would otherwise bend the stroke's moments (a dash beside two specks reads as a thick, tilted blob).
 * Components are 8-connected, found inside the box only.
 */
function strokeInk(g: Gray, x0: number, y0: number, x1: number, y1: number): number[] {
  const w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return [];
  const seen = new Uint8Array(w * h);
  const out: number[] = [];
  const dark = (x: number, y: number) => g.data[y * g.width + x]! < DARK;
  for (let sy = y0; sy < y1; sy++) {
    for (let sx = x0; sx < x1; sx++) {
      if (seen[(sy - y0) * w + sx - x0] || !dark(sx, sy)) continue;
      const members: number[] = [];
      const stack = [(sy - y0) * w + sx - x0];
      seen[stack[0]!] = 1;
      let cx0 = sx, cx1 = sx, cy0 = sy, cy1 = sy;
      while (stack.length) {
        const q = stack.pop()!;
        const qx = q % w + x0, qy = Math.floor(q / w) + y0;
        members.push(qy * g.width + qx);
        cx0 = Math.min(cx0, qx); cx1 = Math.max(cx1, qx); cy0 = Math.min(cy0, qy); cy1 = Math.max(cy1, qy);
        for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
          const nx = qx + dx, ny = qy + dy;
          if (nx < x0 || nx >= x1 || ny < y0 || ny >= y1) continue;
          const k = (ny - y0) * w + nx - x0;
          if (seen[k] || !dark(nx, ny)) continue;
          seen[k] = 1;
          stack.push(k);
        }
      }
      const speck = members.length <= SPECK_AREA && cx1 - cx0 < SPECK_SIDE && cy1 - cy0 < SPECK_SIDE;
      // (One by one: a component as large as a whole cell would overflow a spread's arguments.)
      if (!speck) for (const m of members) out.push(m);
    }
  }
  return out;
}

/**
 * Dark pixels, specks left out, inside the box with `edge` pixels cut away on each side (the part of a cell the
 * digit re-reads see): 0 for a cell that holds no ink at all.
 */
export function cellInk(g: Gray, box: [number, number, number, number], edge: number): number {
  const [bx0, by0, bx1, by1] = box.map(Math.round) as [number, number, number, number];
  return strokeInk(g, Math.max(0, bx0 + edge), Math.max(0, by0 + edge), Math.min(g.width, bx1 - edge), Math.min(g.height, by1 - edge)).length;
}

/**
 * A drawn stroke is solid: its ink fills at least a fifth of its length (a printed slash or dash, even thinned by
 * the scan, fills a third or more). Scattered specks that happen to lie along a line over a wide cell do not.
 */
const solid = (s: StrokeShape) => s.ink >= 0.2 * s.length;

/** Whether the cell holds one slash stroke and nothing else (a digit 1 stands upright, 7 and 4 are not one line). */
export function isSlashStroke(s: StrokeShape | null): boolean {
  return !!s && s.ink >= 8 && solid(s) && s.thinness < 0.1 && s.angle >= 25 && s.angle <= 75 && s.length >= 20;
}

/** Largest spread across a dash (pixels at 300 dpi): a printed dash is a few pixels thick; digits spaced wide
 * apart (「３ ４ ４」) make a long, thin-looking blob too, but one as tall as the digits. */
const DASH_HALF_THICKNESS = 4;
/** Least distance (pixels at 300 dpi) of a dash from the top and bottom of the cell's inner box: a rule's remnant
 * hugs the edge cut away; a dash in a cell aligned to the top stands a line's half height below it. */
const RULE_CLEARANCE = 8;

/**
 * Whether the cell holds one level stroke and nothing else: a dash (—, ——, －) standing for "none". Dashes
 * are thin level lines like the table's rules, so the page OCR often drops them; a rule's remnant lies at
 * the top or bottom edge of the cell or runs through its whole width, a dash stands clear of both edges (in
 * the middle, or a line below the top in a cell aligned to the top; at the left in a cell aligned left).
 */
export function isDashStroke(s: StrokeShape | null): boolean {
  return !!s && s.ink >= 8 && solid(s) && s.thinness < 0.12 && s.across <= DASH_HALF_THICKNESS && Math.abs(s.angle) <= 8 && s.length >= 10
    && s.length <= 0.8 * s.width && s.cy * s.height >= RULE_CLEARANCE && (1 - s.cy) * s.height >= RULE_CLEARANCE && s.cx >= 0.05 && s.cx <= 0.95;
}
