/**
 * Reference tools on the same files, for ratios: `pdftotext -layout` (poppler) on the text PDFs; a plain
 * `tesseract -l chi_sim --psm 6` (one thread, like ours) on the scanned pages rasterised as our OCR does (pdftoppm, 300 dpi, gray);
 * LibreOffice DOC → DOCX with one reused profile (our extractor makes a fresh profile per call).
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runTool } from '../../../extractors/run-tool.ts';

const LIMITS = { maxOutputBytes: 64 * 1024 * 1024, timeoutCode: 'bench.timeout' };

export interface ToolTiming {
  file: string;
  page?: number;
  ms: number[];
  /** Exit code of the last call (0 = ok). */
  code: number | null;
}

async function timed(cmd: string, args: string[], timeoutMs: number, env?: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null }> {
  const t0 = performance.now();
  const r = await runTool(cmd, args, { tool: cmd, timeoutMs, ...LIMITS, env });
  return { ms: performance.now() - t0, code: r.code };
}

export async function pdftotextTask(p: { files: string[]; repeats: number }, log: (s: string) => void): Promise<ToolTiming[]> {
  const out: ToolTiming[] = [];
  if (p.files[0]) await timed('pdftotext', ['-layout', p.files[0], '-'], 60_000);
  for (const file of p.files) {
    const t: ToolTiming = { file: basename(file), ms: [], code: null };
    for (let r = 0; r < p.repeats; r++) {
      const x = await timed('pdftotext', ['-layout', file, '-'], 60_000);
      t.ms.push(x.ms);
      t.code = x.code;
    }
    out.push(t);
  }
  log(`reference: pdftotext -layout on ${p.files.length} PDFs`);
  return out;
}

export interface OcrReference {
  /** pdftoppm -r 300 -gray, per page. */
  raster: ToolTiming[];
  /** tesseract -l chi_sim --psm 6 (plain text), per page. */
  ocr: ToolTiming[];
}

export async function tesseractTask(p: { files: string[]; dpi: number }, log: (s: string) => void): Promise<OcrReference> {
  const result: OcrReference = { raster: [], ocr: [] };
  for (const file of p.files) {
    const dir = await mkdtemp(join(tmpdir(), 'nianbao-bench-ocr-'));
    try {
      const r = await timed('pdftoppm', ['-r', String(p.dpi), '-gray', file, join(dir, 'p')], 120_000);
      const pages = (await readdir(dir)).filter((f) => f.endsWith('.pgm')).sort();
      const perPage = r.ms / Math.max(1, pages.length);
      for (const [i, img] of pages.entries()) {
        result.raster.push({ file: basename(file), page: i + 1, ms: [perPage], code: r.code });
        // One OpenMP thread, as our OCR runs it (on a busy 2-core machine more threads make tesseract slower).
        const o = await timed('tesseract', [join(dir, img), 'stdout', '-l', 'chi_sim', '--psm', '6'], 120_000, { ...process.env, OMP_THREAD_LIMIT: '1' });
        result.ocr.push({ file: basename(file), page: i + 1, ms: [o.ms], code: o.code });
        log(`reference: tesseract ${basename(file)} page ${i + 1}: ${Math.round(o.ms)} ms`);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return result;
}

/** DOC → DOCX, each file one soffice call like the extractor, but all calls sharing one warmed-up profile. */
export async function sofficeReuseTask(p: { files: string[] }, log: (s: string) => void): Promise<ToolTiming[]> {
  const profile = await mkdtemp(join(tmpdir(), 'nianbao-bench-lo-'));
  const out = await mkdtemp(join(tmpdir(), 'nianbao-bench-lo-out-'));
  const env = { ...process.env, HOME: profile, SAL_USE_VCLPLUGIN: 'svp' };
  const args = (f: string) => [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--invisible', '--nologo', '--nodefault',
    '--norestore', '--nolockcheck', '--convert-to', 'docx', '--outdir', out, f];
  try {
    const timings: ToolTiming[] = [];
    if (p.files[0]) await timed('soffice', args(p.files[0]), 120_000, env);
    for (const f of p.files) {
      const x = await timed('soffice', args(f), 120_000, env);
      timings.push({ file: basename(f), ms: [x.ms], code: x.code });
    }
    log(`reference: soffice with a reused profile on ${p.files.length} DOC files`);
    return timings;
  } finally {
    await rm(profile, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
  }
}
