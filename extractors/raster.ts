/**
 * Grayscale rasters for OCR pages: reading PGM (pdftoppm -gray) and PNG/JPEG (@napi-rs/canvas), estimating a
 * small skew, and finding ruling lines as long dark runs (text areas masked out first).
 */
import type { Segment, Word } from './layout-types.ts';

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, 0 = black. */
  data: Uint8Array;
}

/** Parses a binary PGM (P5, maxval ≤ 255). */
export function parsePgm(buf: Uint8Array): Gray {
  const header: string[] = [];
  let i = 0;
  const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
  while (header.length < 4 && i < buf.length) {
    while (i < buf.length && isSpace(buf[i])) i++;
    if (buf[i] === 0x23) { while (i < buf.length && buf[i] !== 0x0a) i++; continue; }
    let tok = '';
    while (i < buf.length && !isSpace(buf[i])) tok += String.fromCharCode(buf[i++]);
    header.push(tok);
  }
  const [magic, w, h, max] = header;
  if (magic !== 'P5' || Number(max) > 255) throw new Error(`unsupported PGM header ${header.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  return { width, height, data: buf.subarray(i + 1, i + 1 + width * height) };
}

/** Decodes PNG/JPEG bytes to grayscale with @napi-rs/canvas; undefined when the module is unavailable. */
export async function decodeImage(bytes: Uint8Array): Promise<Gray | undefined> {
  let canvas: typeof import('@napi-rs/canvas');
  try {
    canvas = await import('@napi-rs/canvas');
  } catch {
    return undefined;
  }
  const img = await canvas.loadImage(Buffer.from(bytes));
  // Small images (screenshots, 100–150 dpi scans) are enlarged: tesseract reads ~30 px characters best.
  const scale = img.width < 1600 ? 2 : 1;
  const width = img.width * scale;
  const height = img.height * scale;
  const c = canvas.createCanvas(width, height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(img, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let p = 0, q = 0; q < data.length; p += 4, q++) data[q] = (rgba[p] * 299 + rgba[p + 1] * 587 + rgba[p + 2] * 114) / 1000;
  return { width, height, data };
}

const DARK = 150;
/** Ink (255 − gray) summed across a line's width: thin lines are anti-aliased or faded by scanning and JPEG. */
const LINE_INK = 80;

/**
 * The dark pixels skewScore counts: every row, every third column. Collected once per page (a few percent of
 * the pixels), so the ~50 angles tried do not each walk the whole raster.
 */
function darkSamples(g: Gray): { xs: Int32Array; ys: Int32Array } {
  let n = 0;
  for (let y = 0; y < g.height; y++) {
    const row = y * g.width;
    for (let x = 0; x < g.width; x += 3) if (g.data[row + x] < DARK) n++;
  }
  const xs = new Int32Array(n);
  const ys = new Int32Array(n);
  n = 0;
  for (let y = 0; y < g.height; y++) {
    const row = y * g.width;
    for (let x = 0; x < g.width; x += 3) {
      if (g.data[row + x] < DARK) { xs[n] = x; ys[n] = y; n++; }
    }
  }
  return { xs, ys };
}

function skewScore(height: number, dark: { xs: Int32Array; ys: Int32Array }, t: number): number {
  const bins = new Float64Array(height * 2 + 8);
  // Every row is sampled: skipping rows would leave every other bin empty at t = 0 only, biasing toward 0.
  const { xs, ys } = dark;
  for (let i = 0; i < xs.length; i++) {
    const b = Math.round(ys[i]! - xs[i]! * t) + height;
    if (b >= 0 && b < bins.length) bins[b]++;
  }
  let score = 0;
  for (const v of bins) score += v * v;
  return score;
}

/** Skew (radians, small) that makes dark pixels line up best in horizontal bands: coarse, then fine search. */
export function estimateSkew(g: Gray, maxDeg = 1.5): number {
  const dark = darkSamples(g);
  const search = (from: number, to: number, step: number): number => {
    let best = 0;
    let bestScore = -1;
    for (let deg = from; deg <= to + 1e-9; deg += step) {
      const score = skewScore(g.height, dark, Math.tan((deg * Math.PI) / 180));
      if (score > bestScore) { bestScore = score; best = deg; }
    }
    return best;
  };
  const coarse = search(-maxDeg, maxDeg, 0.1);
  const fine = search(coarse - 0.1, coarse + 0.1, 0.01);
  return Math.abs(fine) < 1e-6 ? 0 : (fine * Math.PI) / 180;
}

/** Whites out the inside of word boxes so glyph strokes are not taken for ruling lines. */
export function maskWords(g: Gray, words: Word[], pad = 2): void {
  for (const w of words) {
    const x0 = Math.max(0, Math.floor(w.x0) + pad), x1 = Math.min(g.width, Math.ceil(w.x1) - pad);
    const y0 = Math.max(0, Math.floor(w.y0) + pad), y1 = Math.min(g.height, Math.ceil(w.y1) - pad);
    for (let y = y0; y < y1; y++) g.data.fill(255, y * g.width + x0, y * g.width + Math.max(x0, x1));
  }
}

/**
 * Long dark runs along the skewed axes: horizontal runs follow y = k + x·tan(skew), vertical runs follow
 * x = k − y·tan(skew). Returned in the deskewed frame of `deskewPoint`, in pixels.
 */
export function findRulings(g: Gray, skew: number, minLen: number, maxGap = 2): Segment[] {
  const t = Math.tan(skew);
  const out: Segment[] = [];
  const { width, height, data } = g;
  // The ink (255 − gray) of a pixel, 0 outside the raster, is written out in the loops below: they run for
  // every pixel twice, and a call per pixel was most of the OCR's own time.
  let start = -1;
  let lastDark = -1;
  /** Run bookkeeping at position i of line k; `dark` is whether i is on the line (false past its end). */
  const step = (k: number, i: number, dark: boolean, horizontal: boolean) => {
    if (dark) {
      if (start < 0) start = i;
      lastDark = i;
    } else if (start >= 0 && i - lastDark > maxGap) {
      if (lastDark - start + 1 >= minLen) {
        if (horizontal) out.push({ x0: start + k * t, x1: lastDark + k * t, y0: k, y1: k });
        else out.push({ x0: k, x1: k, y0: start - k * t, y1: lastDark - k * t });
      }
      start = -1;
    }
  };
  for (let k = 0; k < height; k++) {
    start = -1;
    lastDark = -1;
    for (let i = 0; i <= width; i++) {
      let d = false;
      if (i < width) {
        // A thin anti-aliased line spreads its ink over two pixels: sum across the line's width.
        const y = Math.round(k + i * t);
        const ink = (y >= 1 && y - 1 < height ? 255 - data[(y - 1) * width + i]! : 0)
          + (y >= 0 && y < height ? 255 - data[y * width + i]! : 0)
          + (y >= -1 && y + 1 < height ? 255 - data[(y + 1) * width + i]! : 0);
        d = ink >= LINE_INK;
      }
      if (d || start >= 0) step(k, i, d, true);
    }
  }
  for (let k = 0; k < width; k++) {
    start = -1;
    lastDark = -1;
    for (let i = 0; i <= height; i++) {
      let d = false;
      if (i < height) {
        const x = Math.round(k - i * t);
        const row = i * width;
        const ink = (x >= 1 && x - 1 < width ? 255 - data[row + x - 1]! : 0)
          + (x >= 0 && x < width ? 255 - data[row + x]! : 0)
          + (x >= -1 && x + 1 < width ? 255 - data[row + x + 1]! : 0);
        d = ink >= LINE_INK;
      }
      if (d || start >= 0) step(k, i, d, false);
    }
  }
  return out;
}

/** Maps an image point into the deskewed frame used by `findRulings`. */
export function deskewPoint(x: number, y: number, skew: number): [number, number] {
  const t = Math.tan(skew);
  return [x + y * t, y - x * t];
}

/** Whites out ruling lines (in the deskewed frame of `findRulings`) so OCR does not read them as bars. */
export function eraseRulings(g: Gray, segments: Segment[], skew: number, halfWidth = 3): void {
  const t = Math.tan(skew);
  const white = (x: number, y: number) => {
    if (x >= 0 && y >= 0 && x < g.width && y < g.height) g.data[y * g.width + x] = 255;
  };
  for (const s of segments) {
    if (s.y0 === s.y1) {
      for (let x = Math.floor(s.x0 - s.y0 * t); x <= Math.ceil(s.x1 - s.y0 * t); x++) {
        const y = Math.round(s.y0 + x * t);
        for (let d = -halfWidth; d <= halfWidth; d++) white(x, y + d);
      }
    } else {
      for (let y = Math.floor(s.y0 + s.x0 * t); y <= Math.ceil(s.y1 + s.x0 * t); y++) {
        const x = Math.round(s.x0 - y * t);
        for (let d = -halfWidth; d <= halfWidth; d++) white(x + d, y);
      }
    }
  }
}

/** Encodes a binary PGM (P5). */
export function encodePgm(g: Gray): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${g.width} ${g.height}\n255\n`, 'latin1'), Buffer.from(g.data.buffer, g.data.byteOffset, g.width * g.height)]);
}
