/**
 * Extraction of one format: every sample file through `extract()` (and then `parseReport`) `repeats` times,
 * after one untimed warm-up extraction (module loading, LibreOffice's first start). Runs in its own process
 * so the peak RSS is this format's. For text PDFs (`pdfReference`), each timed run is followed at once by
 * `pdftotext -layout` on the same file and by MuPDF's dump alone (the part of our time spent in mutool), so
 * the ratio compares runs made under the same load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '../../../extractors/index.ts';
import { errorCode } from '../../../src/model/errors.ts';
import { parseReport } from '../../../src/parse/index.ts';

export interface ExtractParams {
  format: string;
  files: string[];
  repeats: number;
  /** Time pdftotext -layout and mutool's dump beside each run. */
  pdfReference?: boolean;
}

export interface ExtractRun {
  file: string;
  bytes: number;
  pages: number | null;
  /** extract() wall time, ms, one per repeat. */
  extractMs: number[];
  /** parseReport wall time, ms, one per repeat (empty when extraction failed). */
  parseMs: number[];
  /** Template the parser found, or the error code. */
  outcome: string;
  /** pdftotext -layout wall time right after each run, ms (pdfReference). */
  refMs?: number[];
  /** `mutool run mupdf-dump.js` alone, ms (pdfReference). */
  mutoolMs?: number[];
}

const DUMP = fileURLToPath(new URL('../../../extractors/mupdf-dump.js', import.meta.url));

function wall(cmd: string, args: string[]): number | null {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'ignore'], timeout: 60_000 });
  return r.status === 0 ? performance.now() - t0 : null;
}

export interface ExtractTaskResult {
  format: string;
  runs: ExtractRun[];
}

async function once(bytes: Uint8Array, file: string): Promise<{ extractMs: number; parseMs: number | null; pages: number | null; outcome: string }> {
  const t0 = performance.now();
  try {
    const doc = (await extract(bytes, { fileName: file })).value;
    const t1 = performance.now();
    let outcome: string;
    try {
      outcome = parseReport(doc).value.template;
    } catch (e) {
      outcome = errorCode(e);
    }
    return { extractMs: t1 - t0, parseMs: performance.now() - t1, pages: doc.pages ?? null, outcome };
  } catch (e) {
    return { extractMs: performance.now() - t0, parseMs: null, pages: null, outcome: errorCode(e) };
  }
}

export async function extractTask(p: ExtractParams, log: (s: string) => void): Promise<ExtractTaskResult> {
  const runs: ExtractRun[] = [];
  if (p.files.length === 0) return { format: p.format, runs };
  await once(readFileSync(p.files[0]!), basename(p.files[0]!));
  for (const [i, file] of p.files.entries()) {
    const bytes = readFileSync(file);
    const run: ExtractRun = { file: basename(file), bytes: bytes.byteLength, pages: null, extractMs: [], parseMs: [], outcome: '' };
    for (let r = 0; r < p.repeats; r++) {
      const o = await once(bytes, run.file);
      run.extractMs.push(o.extractMs);
      if (o.parseMs != null) run.parseMs.push(o.parseMs);
      run.pages = o.pages;
      run.outcome = o.outcome;
      if (p.pdfReference) {
        const ref = wall('pdftotext', ['-layout', file, '/dev/null']);
        const mu = wall('mutool', ['run', DUMP, file, '300']);
        if (ref != null) (run.refMs ??= []).push(ref);
        if (mu != null) (run.mutoolMs ??= []).push(mu);
      }
    }
    runs.push(run);
    log(`extract ${p.format}: ${i + 1}/${p.files.length} ${run.file} ${Math.round(run.extractMs[0]!)} ms (${run.outcome})`);
  }
  return { format: p.format, runs };
}
