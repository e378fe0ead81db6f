/**
 * Attachments as real files: the standalone HTML of a document rendered by LibreOffice to DOCX, then DOC
 * (also served as WPS, as Kingsoft writes Word 97 bytes) or PDF. Rendering is slow, so every output is cached
 * by the sha256 of its source and format (default cache: data/out/fixture-portals-cache/, git-ignored): the
 * same seed serves the same bytes on the next start without LibreOffice.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertBatched } from '../corpus/render/office.ts';
import type { ReportFormat } from './types.ts';

export const DEFAULT_CACHE = fileURLToPath(new URL('../../data/out/fixture-portals-cache/', import.meta.url));
const RENDER_VERSION = 1;

export interface RenderJob {
  html: string;
  format: Exclude<ReportFormat, 'html'>;
}

export interface RenderOptions {
  cacheDir?: string;
  sofficePath?: string;
  /** Files per LibreOffice call. */
  batch?: number;
  log?: (line: string) => void;
}

function keyOf(job: RenderJob): string {
  const target = job.format === 'wps' ? 'doc' : job.format;
  return createHash('sha256').update(`${RENDER_VERSION}\n${target}\n${job.html}`).digest('hex');
}

/**
 * Bytes for every job that could be rendered (cached or new), by job index. Jobs LibreOffice fails on are
 * missing from the result; callers publish those documents as HTML instead.
 */
export async function renderAll(jobs: RenderJob[], o: RenderOptions = {}): Promise<Map<number, Buffer>> {
  const cache = o.cacheDir ?? DEFAULT_CACHE;
  mkdirSync(cache, { recursive: true });
  const out = new Map<number, Buffer>();
  const missing: { i: number; key: string }[] = [];
  jobs.forEach((j, i) => {
    const key = keyOf(j);
    const p = join(cache, key);
    if (existsSync(p)) out.set(i, readFileSync(p));
    else missing.push({ i, key });
  });
  if (missing.length === 0) return out;
  o.log?.(`rendering ${missing.length} attachment(s) with LibreOffice (cached in ${cache})`);
  const work = await mkdtemp(join(tmpdir(), 'nianbao-portals-render-'));
  try {
    const htmlDir = join(work, 'html');
    mkdirSync(htmlDir);
    const byHtml = new Map<string, { i: number; key: string }>();
    for (const m of missing) {
      const p = join(htmlDir, `${m.key}.html`);
      if (!byHtml.has(p)) writeFileSync(p, jobs[m.i]!.html);
      byHtml.set(p, m);
    }
    const office = { sofficePath: o.sofficePath ?? 'soffice', batch: o.batch ?? 25 };
    const docx = await convertBatched([...new Set(byHtml.keys())], 'docx:MS Word 2007 XML', join(work, 'docx'), office, 'HTML (StarWriter)');
    const need = (fmt: string): string[] => [...docx.outputs.entries()].filter(([src]) => {
      const f = jobs[byHtml.get(src)!.i]!.format;
      return fmt === 'doc' ? f === 'doc' || f === 'wps' : f === fmt;
    }).map(([, out]) => out);
    const srcOfDocx = new Map([...docx.outputs.entries()].map(([src, out]) => [out, src]));
    const save = (src: string, path: string): void => {
      const m = byHtml.get(src)!;
      const bytes = readFileSync(path);
      writeFileSync(join(cache, m.key), bytes);
      out.set(m.i, bytes);
    };
    for (const [src, path] of docx.outputs) if (jobs[byHtml.get(src)!.i]!.format === 'docx') save(src, path);
    for (const [fmt, target] of [['doc', 'doc:MS Word 97'], ['pdf', 'pdf:writer_pdf_Export']] as const) {
      const inputs = need(fmt);
      if (inputs.length === 0) continue;
      const r = await convertBatched(inputs, target, join(work, fmt), office);
      for (const [docxPath, path] of r.outputs) save(srcOfDocx.get(docxPath)!, path);
    }
  } catch (e) {
    o.log?.(`rendering failed (${(e as Error).message}); those documents are published as HTML`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  // Several jobs can share one source (same key): fill them from the cache.
  jobs.forEach((j, i) => {
    if (out.has(i)) return;
    const p = join(cache, keyOf(j));
    if (existsSync(p)) out.set(i, readFileSync(p));
  });
  return out;
}
