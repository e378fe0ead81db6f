/**
 * The documents the extraction bench reads: generated reports as served HTML pages, and the same kind of
 * reports rendered by LibreOffice to DOCX, DOC and PDF, plus image-only "scanned" PDFs (scripts/corpus/render).
 * Rendering is slow (LibreOffice), so a finished set is cached under bench/cache/, keyed by the sizes and
 * the corpus generator's source. Real PDFs are read in place from NIANBAO_REALDOCS (or ../shared/realdocs) when present.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, standaloneHtml } from '../corpus/corpus.ts';
import { render } from '../corpus/render/index.ts';
import { scanPdf } from '../corpus/render/scan.ts';

export const BENCH_FORMATS = ['html', 'docx', 'doc', 'pdf', 'pdf-real', 'scan'] as const;
export type BenchFormat = (typeof BENCH_FORMATS)[number];

export interface SampleSizes {
  html: number;
  /** Reports rendered to DOCX, DOC and PDF. */
  office: number;
  /** Of those PDFs, how many are also made into scans. */
  scan: number;
  seed: number;
}

export interface SampleSet {
  dir: string;
  files: Record<BenchFormat, string[]>;
  /** Time spent preparing (0 when the cache was used). */
  prepMs: number;
  cached: boolean;
}

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_ROOT = join(REPO, 'bench/cache');
/** Real PDFs: NIANBAO_REALDOCS, else a `shared/realdocs` folder beside the checkout, else the repository's one. */
const REAL_DIRS = [process.env.NIANBAO_REALDOCS, join(REPO, '../shared/realdocs'), join(REPO, 'test/fixtures/extractors/real')]
  .filter((d): d is string => Boolean(d));

function sourceHash(dir: string, h = createHash('sha256')): ReturnType<typeof createHash> {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) sourceHash(p, h);
    else if (name.endsWith('.ts')) h.update(name).update(readFileSync(p));
  }
  return h;
}

/** The cache folder name for these sizes and the current generator source. */
export function cacheKey(sizes: SampleSizes): string {
  return sourceHash(join(REPO, 'scripts/corpus')).update(JSON.stringify(sizes)).digest('hex').slice(0, 12);
}

/** Real report PDFs: the shared folder when present (read in place), else the repository's one fixture. */
export function realPdfs(): string[] {
  for (const dir of REAL_DIRS) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf')).sort().map((f) => join(dir, f));
    if (files.length) return files;
  }
  return [];
}

function listed(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir).filter(test).sort().map((f) => join(dir, f));
}

function filesIn(dir: string): Record<BenchFormat, string[]> {
  return {
    html: listed(join(dir, 'html'), (f) => f.endsWith('.html')),
    docx: listed(join(dir, 'office'), (f) => f.endsWith('.docx')),
    doc: listed(join(dir, 'office'), (f) => f.endsWith('.doc')),
    pdf: listed(join(dir, 'office'), (f) => f.endsWith('.pdf') && !f.endsWith('-scan.pdf')),
    scan: listed(join(dir, 'office'), (f) => f.endsWith('-scan.pdf')),
    'pdf-real': realPdfs(),
  };
}

export async function prepareSamples(sizes: SampleSizes, log: (s: string) => void, root = CACHE_ROOT): Promise<SampleSet> {
  const dir = join(root, `samples-${cacheKey(sizes)}`);
  if (existsSync(join(dir, 'manifest.json'))) return { dir, files: filesIn(dir), prepMs: 0, cached: true };
  const t0 = performance.now();
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ['html', 'src', 'office']) mkdirSync(join(dir, sub), { recursive: true });
  const reports = generateCorpus({ n: Math.max(sizes.html, sizes.office) * 2 + 10, seed: sizes.seed, formats: ['html'] })
    .filter((d) => !d.expected.error && d.expected.template !== 'free_form' && d.expected.template !== 'p2008');
  for (const d of reports.slice(0, sizes.html)) writeFileSync(join(dir, 'html', d.name), d.bytes);
  let office = 0;
  for (const d of reports) {
    const html = office < sizes.office ? standaloneHtml(d) : null;
    if (html === null) continue;
    writeFileSync(join(dir, 'src', d.name), html);
    office++;
  }
  log(`samples: rendering ${office} reports to DOCX, DOC and PDF with LibreOffice (cached for later runs)`);
  await render({
    inDir: join(dir, 'src'), outDir: join(dir, 'office'), formats: ['docx', 'doc', 'pdf'], noise: 0.3, rotate: 0.4, dpi: 200,
    seed: sizes.seed, batch: 20, sofficePath: 'soffice',
  });
  const pdfs = filesIn(dir).pdf.slice(0, sizes.scan);
  log(`samples: scanning ${pdfs.length} PDFs to image-only PDFs`);
  for (const [i, p] of pdfs.entries()) {
    writeFileSync(p.replace(/\.pdf$/, '-scan.pdf'), await scanPdf(p, { dpi: 200, noise: 0.3, rotate: 0.4, seed: sizes.seed * 7919 + i }));
  }
  const files = filesIn(dir);
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ sizes, files }, null, 1)}\n`);
  return { dir, files, prepMs: performance.now() - t0, cached: false };
}
