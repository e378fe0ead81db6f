/**
 * Whether a value cell's number is printed with a minus sign, from the ink itself: OCR often drops a short
 * 「-」 before digits (or reads a speck as one). Pure geometry on the cleaned raster: the cell's ink is cut
 * into runs of inked columns; a minus is a first run much flatter than the digits after it, about as wide as
 * a digit is high, at their middle height. 'unsure' when the ink says neither clearly.
 */
import type { Gray } from './raster.ts';

const DARK = 110;
/** Border margin cut away, as a share of the cell's side (and at least a few pixels). */
const MARGIN = 0.08;

export type Sign = 'minus' | 'none' | 'unsure';

interface Run { x0: number; x1: number; y0: number; y1: number }

/** Runs of inked columns inside the box (its borders cut away), with their ink's vertical extent. */
export function inkRuns(g: Gray, box: [number, number, number, number]): Run[] {
  const [bx0, by0, bx1, by1] = box.map(Math.round) as [number, number, number, number];
  const mx = Math.max(4, Math.round((bx1 - bx0) * MARGIN));
  const my = Math.max(4, Math.round((by1 - by0) * MARGIN));
  const x0 = Math.max(0, bx0 + mx), x1 = Math.min(g.width, bx1 - mx);
  const y0 = Math.max(0, by0 + my), y1 = Math.min(g.height, by1 - my);
  const runs: Run[] = [];
  let open: Run | null = null;
  let gap = 0;
  for (let x = x0; x < x1; x++) {
    let top = -1, bottom = -1;
    for (let y = y0; y < y1; y++) {
      if (g.data[y * g.width + x]! >= DARK) continue;
      if (top < 0) top = y;
      bottom = y;
    }
    if (top < 0) {
      if (open && ++gap > 2) { runs.push(open); open = null; }
      continue;
    }
    gap = 0;
    if (!open) open = { x0: x, x1: x, y0: top, y1: bottom };
    else { open.x1 = x; open.y0 = Math.min(open.y0, top); open.y1 = Math.max(open.y1, bottom); }
  }
  if (open) runs.push(open);
  return runs;
}

/** The sign the ink of a cell shows for its number. */
export function inkSign(g: Gray, box: [number, number, number, number]): Sign {
  const runs = inkRuns(g, box);
  if (runs.length < 2) return 'unsure';
  const [first, ...digits] = runs as [Run, ...Run[]];
  const top = Math.min(...digits.map((r) => r.y0));
  const bottom = Math.max(...digits.map((r) => r.y1));
  const height = bottom - top + 1;
  if (height < 8) return 'unsure';
  const h = first.y1 - first.y0 + 1;
  const w = first.x1 - first.x0 + 1;
  const middle = (first.y0 + first.y1) / 2;
  const centred = Math.abs(middle - (top + bottom) / 2) <= 0.25 * height;
  const near = digits[0]!.x0 - first.x1 <= 1.2 * height;
  if (h <= 0.3 * height && w >= 0.3 * height && w <= 1.6 * height && centred && near) return 'minus';
  if (h >= 0.6 * height && w <= 0.8 * height) return 'none'; // a digit-sized first run (a minus kerned into it is wider)
  return 'unsure';
}

interface Reading { text: string; confidence: number }
interface Verdict { text: string; confidence: number; kind: 'repaired' | 'disagree' | 'confirmed' }

/**
 * The cell's verdict (or the page reading, when the vote kept it) with its minus settled: the ink's minus
 * added where every reading lost it; a minus some reading saw kept unless the ink shows a digit first.
 * Undefined when the page reading stands as it is.
 */
export function signedVerdict(v: Verdict | undefined, first: Reading, reads: Reading[], sign: Sign): Verdict | undefined {
  const text = v?.text ?? first.text.replace(/\s+/g, '');
  if (!/^-?\d[\d,.]*$/.test(text)) return v;
  const digits = text.replace(/^-/, '');
  const sawMinus = [first, ...reads].some((r) => r.text.replace(/\s+/g, '').replace(/^[.,]+/, '') === `-${digits}`);
  const minus = sign === 'minus' || (sign === 'unsure' && sawMinus);
  const out = minus ? `-${digits}` : sign === 'none' ? digits : text;
  if (out === text) return v;
  return { text: out, confidence: Math.min(v?.confidence ?? first.confidence, 80), kind: 'repaired' };
}
