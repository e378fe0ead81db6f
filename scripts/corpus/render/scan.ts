/**
 * Text PDF → image-only "scanned" PDF: pages rasterised by pdftoppm (gray), optionally rotated slightly and
 * speckled (seeded, so a corpus is reproducible), encoded as PNG and wrapped by pdf-lib. Pure JS after
 * pdftoppm, so a long corpus run does not depend on a native image library.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { parsePgm, type Gray } from '../../../extractors/raster.ts';
import { runTool } from '../../../extractors/run-tool.ts';
import { encodeGrayPng } from './png.ts';

export interface ScanOptions {
  dpi: number;
  /** 0 = clean; 1 = heavy speckle noise. */
  noise: number;
  /** Largest rotation in degrees (each page gets a seeded angle in ±rotate). */
  rotate: number;
  seed: number;
  pdftoppmPath?: string;
}

/** mulberry32: small seeded PRNG in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Rotates a grayscale page slightly (bilinear, white fill) and sprinkles seeded specks on it. */
export function degrade(g: Gray, o: Pick<ScanOptions, 'noise' | 'rotate'>, rand: () => number): Gray {
  const { width, height, data } = g;
  const angle = ((rand() * 2 - 1) * o.rotate * Math.PI) / 180;
  const out = new Uint8Array(width * height).fill(255);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const cx = width / 2, cy = height / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) continue;
      const fx = sx - x0, fy = sy - y0;
      const p = y0 * width + x0;
      const top = data[p] * (1 - fx) + data[p + 1] * fx;
      const bottom = data[p + width] * (1 - fx) + data[p + width + 1] * fx;
      out[y * width + x] = top * (1 - fy) + bottom * fy;
    }
  }
  const specks = Math.round(o.noise * width * height * 0.0004);
  for (let i = 0; i < specks; i++) {
    const x = Math.floor(rand() * width), y = Math.floor(rand() * height);
    const size = 1 + Math.floor(rand() * 2), ink = Math.floor(rand() * 120);
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) if (x + dx < width && y + dy < height) out[(y + dy) * width + x + dx] = ink;
  }
  return { width, height, data: out };
}

/** Renders `pdfBytes` as an image-only PDF. */
export async function scanPdf(pdfPath: string, o: ScanOptions): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-scan-'));
  try {
    const r = await runTool(o.pdftoppmPath ?? 'pdftoppm', ['-r', String(o.dpi), '-gray', pdfPath, join(dir, 'p')], {
      tool: 'pdftoppm', timeoutMs: 120_000, maxOutputBytes: 1024 * 1024, timeoutCode: 'render.timeout',
    });
    if (r.code !== 0) throw new Error(`pdftoppm failed (exit ${r.code}): ${r.stderr.trim()}`);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
    const rand = prng(o.seed);
    const pdf = await PDFDocument.create();
    for (const name of pages) {
      const page = degrade(parsePgm(await readFile(join(dir, name))), o, rand);
      const image = await pdf.embedPng(encodeGrayPng(page.width, page.height, page.data));
      const w = (image.width * 72) / o.dpi;
      const h = (image.height * 72) / o.dpi;
      pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
    }
    return await pdf.save();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
