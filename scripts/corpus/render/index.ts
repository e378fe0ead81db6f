/**
 * CLI: `tsx scripts/corpus/render/index.ts --in DIR --out DIR [--formats docx,doc,wps,pdf,scan]
 *   [--noise 0.3] [--rotate 0.4] [--dpi 200] [--seed 1] [--batch 20] [--limit N] [--soffice PATH]`
 *
 * Renders each generated report `X.html` (with `X.html.expected.json`) as X.docx, X.doc, X.wps (Word 97
 * bytes under the .wps name, as Kingsoft WPS writes them), X.pdf (LibreOffice) and X-scan.pdf (image only),
 * each with its `<file>.expected.json` copied alongside (`file` updated). Only the report itself is
 * rendered, not the site around it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { cleanReportHtml } from './clean-html.ts';
import { convertBatched } from './office.ts';
import { scanPdf } from './scan.ts';

export const RENDER_FORMATS = ['docx', 'doc', 'wps', 'pdf', 'scan'] as const;
export type RenderFormat = (typeof RENDER_FORMATS)[number];

export interface RenderOptions {
  inDir: string;
  outDir: string;
  formats: RenderFormat[];
  noise: number;
  rotate: number;
  dpi: number;
  seed: number;
  batch: number;
  limit?: number;
  sofficePath: string;
}

const OUT_NAME: Record<RenderFormat, (base: string) => string> = {
  docx: (b) => `${b}.docx`, doc: (b) => `${b}.doc`, wps: (b) => `${b}.wps`, pdf: (b) => `${b}.pdf`, scan: (b) => `${b}-scan.pdf`,
};

function copyExpected(inDir: string, htmlName: string, outDir: string, outName: string): void {
  const src = join(inDir, `${htmlName}.expected.json`);
  if (!existsSync(src)) return;
  const expected = JSON.parse(readFileSync(src, 'utf8')) as Record<string, unknown>;
  if ('file' in expected) expected.file = outName;
  writeFileSync(join(outDir, `${outName}.expected.json`), `${JSON.stringify(expected, null, 1)}\n`);
}

/** Renders the corpus; returns per-format counts and milliseconds. */
export async function render(o: RenderOptions): Promise<Record<string, { files: number; failed: number; ms: number }>> {
  mkdirSync(o.outDir, { recursive: true });
  const names = readdirSync(o.inDir).filter((f) => f.endsWith('.html') && readFileSync(join(o.inDir, f)).byteLength > 0).sort().slice(0, o.limit);
  const work = await mkdtemp(join(tmpdir(), 'nianbao-render-'));
  const stats: Record<string, { files: number; failed: number; ms: number }> = {};
  const emit = (fmt: RenderFormat, htmlName: string, path: string) => {
    const outName = OUT_NAME[fmt](basename(htmlName, '.html'));
    copyFileSync(path, join(o.outDir, outName));
    copyExpected(o.inDir, htmlName, o.outDir, outName);
  };
  const time = async <T>(key: string, n: number, f: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    const r = await f();
    stats[key] = { files: n, failed: 0, ms: Date.now() - t0 };
    return r;
  };
  try {
    const htmlDir = join(work, 'html');
    mkdirSync(htmlDir);
    const byInput = new Map<string, string>();
    for (const n of names) {
      const p = join(htmlDir, n);
      writeFileSync(p, cleanReportHtml(readFileSync(join(o.inDir, n))).html);
      byInput.set(p, n);
    }
    const office = { sofficePath: o.sofficePath, batch: o.batch };
    const docx = await time('docx', names.length, () => convertBatched([...byInput.keys()], 'docx:MS Word 2007 XML', join(work, 'docx'), office, 'HTML (StarWriter)'));
    stats.docx.failed = docx.failed.length;
    const docxFiles = [...docx.outputs.entries()];
    if (o.formats.includes('docx')) for (const [src, out] of docxFiles) emit('docx', byInput.get(src)!, out);
    const docxToHtml = new Map(docxFiles.map(([src, out]) => [out, byInput.get(src)!]));
    if (o.formats.includes('doc') || o.formats.includes('wps')) {
      const doc = await time('doc', docxFiles.length, () => convertBatched([...docxToHtml.keys()], 'doc:MS Word 97', join(work, 'doc'), office));
      stats.doc.failed = doc.failed.length;
      for (const [src, out] of doc.outputs) {
        if (o.formats.includes('doc')) emit('doc', docxToHtml.get(src)!, out);
        if (o.formats.includes('wps')) emit('wps', docxToHtml.get(src)!, out);
      }
    }
    if (o.formats.includes('pdf') || o.formats.includes('scan')) {
      const pdf = await time('pdf', docxFiles.length, () => convertBatched([...docxToHtml.keys()], 'pdf:writer_pdf_Export', join(work, 'pdf'), office));
      stats.pdf.failed = pdf.failed.length;
      if (o.formats.includes('pdf')) for (const [src, out] of pdf.outputs) emit('pdf', docxToHtml.get(src)!, out);
      if (o.formats.includes('scan')) {
        await time('scan', pdf.outputs.size, async () => {
          let i = 0;
          for (const [src, out] of pdf.outputs) {
            const bytes = await scanPdf(out, { dpi: o.dpi, noise: o.noise, rotate: o.rotate, seed: o.seed * 7919 + i++ });
            const p = join(work, `${basename(out, '.pdf')}-scan.pdf`);
            writeFileSync(p, bytes);
            emit('scan', docxToHtml.get(src)!, p);
          }
        });
      }
    }
    return stats;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      in: { type: 'string' }, out: { type: 'string' }, formats: { type: 'string', default: RENDER_FORMATS.join(',') },
      noise: { type: 'string', default: '0.3' }, rotate: { type: 'string', default: '0.4' }, dpi: { type: 'string', default: '200' },
      seed: { type: 'string', default: '1' }, batch: { type: 'string', default: '20' }, limit: { type: 'string' },
      soffice: { type: 'string', default: 'soffice' },
    },
  });
  const formats = (values.formats ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const bad = formats.filter((f) => !(RENDER_FORMATS as readonly string[]).includes(f));
  if (!values.in || !values.out || bad.length > 0) {
    process.stderr.write(`usage: render/index.ts --in DIR --out DIR [--formats ${RENDER_FORMATS.join(',')}]${bad.length ? ` (unknown: ${bad.join(',')})` : ''}\n`);
    return 2;
  }
  const stats = await render({
    inDir: values.in, outDir: values.out, formats: formats as RenderFormat[], noise: Number(values.noise), rotate: Number(values.rotate),
    dpi: Number(values.dpi), seed: Number(values.seed), batch: Number(values.batch), limit: values.limit ? Number(values.limit) : undefined,
    sofficePath: values.soffice ?? 'soffice',
  });
  for (const [k, s] of Object.entries(stats)) {
    process.stdout.write(`${k}: ${s.files} file(s), ${s.failed} failed, ${s.ms} ms (${s.files ? Math.round(s.ms / s.files) : 0} ms/file)\n`);
  }
  return Object.values(stats).some((s) => s.failed > 0) ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
