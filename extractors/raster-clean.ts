/**
 * Raster clean-up before OCR: specks (isolated dots of scanner dirt) are removed as tiny connected components
 * of dark pixels. Glyph strokes and decimal points at 300 dpi are far larger than the specks removed here.
 */
import type { Gray } from './raster.ts';

/** Gray level under which a pixel counts as ink for component analysis. */
const INK = 170;

/**
 * Whites out 8-connected dark components of at most `maxArea` pixels whose bounding box is at most `maxSide`
 * pixels wide and high. Mutates `g`; returns how many components were removed.
 */
export function despeckle(g: Gray, maxArea = 6, maxSide = 3): number {
  const { width, height, data } = g;
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(maxArea + 1);
  const members = new Int32Array(maxArea + 1);
  let removed = 0;
  for (let start = 0; start < data.length; start++) {
    if (seen[start] || data[start] >= INK) continue;
    // Flood fill, giving up (component is big) as soon as it exceeds maxArea.
    let sp = 0;
    let n = 0;
    let big = false;
    stack[sp++] = start;
    seen[start] = 1;
    let x0 = width, x1 = -1, y0 = height, y1 = -1;
    while (sp > 0) {
      const p = stack[--sp];
      if (n <= maxArea) members[n] = p;
      n++;
      const x = p % width, y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (n > maxArea) { big = true; break; }
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (seen[q] || data[q] >= INK) continue;
          seen[q] = 1;
          if (sp >= stack.length) { big = true; break; }
          stack[sp++] = q;
        }
        if (big) break;
      }
      if (big) break;
    }
    if (big) {
      // Mark the rest of the component as seen so it is not re-walked from each of its pixels.
      markComponent(g, seen, start);
      continue;
    }
    if (x1 - x0 + 1 > maxSide || y1 - y0 + 1 > maxSide) continue;
    for (let i = 0; i < n; i++) data[members[i]] = 255;
    removed++;
  }
  return removed;
}

/** Marks every pixel of the dark component containing `start` as seen (iterative, growable stack). */
function markComponent(g: Gray, seen: Uint8Array, start: number): void {
  const { width, height, data } = g;
  let stack = new Int32Array(1024);
  let sp = 0;
  stack[sp++] = start;
  seen[start] = 1;
  while (sp > 0) {
    const p = stack[--sp];
    const x = p % width, y = (p - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < 0 || yy >= height) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < 0 || xx >= width) continue;
        const q = yy * width + xx;
        if (seen[q] === 2 || data[q] >= INK) continue;
        seen[q] = 2;
        if (sp >= stack.length) { const s2 = new Int32Array(stack.length * 2); s2.set(stack); stack = s2; }
        stack[sp++] = q;
      }
    }
  }
}
