/**
 * Text PDF → image-only "scanned" PDF: pages rasterised by pdftoppm, optionally rotated slightly and
 * speckled (seeded, so a corpus is reproducible), re-encoded as JPEG and wrapped by pdf-lib.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { PDFDocument } from 'pdf-lib';
import { runTool } from '../../../extractors/run-tool.ts';

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

async function degrade(png: Buffer, o: ScanOptions, rand: () => number): Promise<Buffer> {
  const img = await loadImage(png);
  const c = createCanvas(img.width, img.height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, img.width, img.height);
  const angle = ((rand() * 2 - 1) * o.rotate * Math.PI) / 180;
  ctx.translate(img.width / 2, img.height / 2);
  ctx.rotate(angle);
  ctx.drawImage(img, -img.width / 2, -img.height / 2);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  const specks = Math.round(o.noise * img.width * img.height * 0.0004);
  for (let i = 0; i < specks; i++) {
    const g = Math.floor(rand() * 120);
    ctx.fillStyle = `rgb(${g},${g},${g})`;
    ctx.fillRect(rand() * img.width, rand() * img.height, 1 + rand() * 2, 1 + rand() * 2);
  }
  return c.encode('jpeg', 80);
}

/** Renders `pdfBytes` as an image-only PDF. */
export async function scanPdf(pdfPath: string, o: ScanOptions): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-scan-'));
  try {
    const r = await runTool(o.pdftoppmPath ?? 'pdftoppm', ['-r', String(o.dpi), '-gray', '-png', pdfPath, join(dir, 'p')], {
      tool: 'pdftoppm', timeoutMs: 120_000, maxOutputBytes: 1024 * 1024, timeoutCode: 'render.timeout',
    });
    if (r.code !== 0) throw new Error(`pdftoppm failed (exit ${r.code}): ${r.stderr.trim()}`);
    const pages = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const rand = prng(o.seed);
    const pdf = await PDFDocument.create();
    for (const name of pages) {
      const png = await readFile(join(dir, name));
      const jpg = await degrade(png, o, rand);
      const image = await pdf.embedJpg(jpg);
      const w = (image.width * 72) / o.dpi;
      const h = (image.height * 72) / o.dpi;
      pdf.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h });
    }
    return await pdf.save();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
