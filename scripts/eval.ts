/**
 * `npm run eval`: generates (or reads with --dir) the labelled corpus plus the seeds, parses every file with
 * parseBytes, compares with the expected files and prints accuracy tables. Always exits 0 (an eval, not a test).
 *
 *   tsx scripts/eval.ts [--dir DIR] [--n 300] [--seed 1] [--out DIR] [--seeds DIR | --no-seeds] [--pre-n 120 --pre-seed S] [--json FILE] [--cache DIR]
 *
 * The pre-2019 corpus (reports of 2008–2018, template p2008) is generated beside the 2019+ one and scored
 * apart: its figures are printed after the others and never mixed into them.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ParseOutput } from '../src/model/report.ts';
import { generateCorpus, writeCorpus } from './corpus/corpus.ts';
import { generatePre2019Corpus } from './corpus/pre2019/corpus.ts';
import { aggregate, formatFigures, formatPre2019 } from './corpus/eval-report.ts';
import { scoreDoc, type DocScore } from './corpus/eval-score.ts';
import { labelledFiles } from './corpus/eval-files.ts';

type ParseFn = (bytes: Uint8Array, input: { file: string; contentType?: string }) => Promise<ParseOutput>;
type Extract = typeof import('../extractors/index.ts').extract;

const TIMEOUT_MS = 120_000;

const USAGE = `usage: npm run eval -- [--dir DIR | --n 300 --seed 1 [--out DIR]] [--seeds DIR | --no-seeds] [--json FILE]
  --dir DIR     score the labelled files already in DIR (each X with X.expected.json)
  --n, --seed   generate N reports from SEED (into a temporary directory, or --out DIR to keep them)
  --seeds DIR   also score the real seed reports in DIR (default test/fixtures/seeds); --no-seeds skips them
  --pre-n N     also generate N reports of 2008–2018 (default 120; 0: none), scored apart
  --pre-seed S  their seed (default: --seed)
  --json FILE   write the figures as JSON
  --cache DIR   keep each file's extraction (document model) in DIR, by sha256 and extractor version, and reuse
                it: scans are OCR'd once, and a parser change is scored again in seconds
Prints accuracy per format, template and damage kind; always exits 0 (an evaluation, not a test).
`;

async function parseOne(parse: ParseFn, path: string, file: string): Promise<ParseOutput> {
  const bytes = new Uint8Array(readFileSync(path));
  const contentType = /\.html?$/i.test(file) ? 'text/html' : undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      parse(bytes, { file, contentType }),
      new Promise<ParseOutput>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms`)), TIMEOUT_MS); }),
    ]);
  } catch (e) {
    return { file, sha256: '', format: 'unknown', error: (e as Error).message, errorCode: 'eval.crash' };
  } finally {
    clearTimeout(timer);
  }
}

/** The extractor with its results kept in `dir` (`<sha256>.<extractor version>.json`; errors are not kept). */
async function cachedExtract(dir: string): Promise<Extract> {
  const { extract, EXTRACTOR_VERSION } = await import('../extractors/index.ts');
  const { createHash } = await import('node:crypto');
  mkdirSync(dir, { recursive: true });
  return async (bytes, hints, options) => {
    const path = join(dir, `${createHash('sha256').update(bytes).digest('hex')}.${EXTRACTOR_VERSION}.json`);
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Awaited<ReturnType<Extract>>;
    const out = await extract(bytes, hints, options);
    writeFileSync(path, JSON.stringify(out));
    return out;
  };
}

async function run(argv: string[]): Promise<void> {
  const { values: opt } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string' }, n: { type: 'string', default: '300' }, seed: { type: 'string', default: '1' },
      out: { type: 'string' }, seeds: { type: 'string', default: 'test/fixtures/seeds' }, 'no-seeds': { type: 'boolean', default: false },
      json: { type: 'string' }, cache: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false },
      'pre-n': { type: 'string', default: '120' }, 'pre-seed': { type: 'string' },
    },
  });
  if (opt.help) {
    process.stdout.write(USAGE);
    return;
  }
  let dir = opt.dir;
  let temp: string | null = null;
  if (!dir) {
    dir = opt.out ?? (temp = mkdtempSync(join(tmpdir(), 'nianbao-eval-')));
    writeCorpus(dir, generateCorpus({ n: Number(opt.n), seed: Number(opt.seed) }));
  }
  const sets: { dir: string; source: DocScore['source'] }[] = [{ dir, source: 'generated' }, ...(opt['no-seeds'] || !existsSync(opt.seeds!) ? [] : [{ dir: opt.seeds!, source: 'seed' as const }])];
  const preN = opt.dir ? 0 : Number(opt['pre-n']);
  if (preN > 0) {
    const preDir = join(dir, 'pre2019');
    writeCorpus(preDir, generatePre2019Corpus({ n: preN, seed: Number(opt['pre-seed'] ?? opt.seed) }));
    sets.push({ dir: preDir, source: 'pre2019' });
  }
  let parse: ParseFn;
  try {
    const { parseBytes } = await import('../src/pipeline/parse-file.ts');
    const cache = opt.cache ? await cachedExtract(opt.cache) : undefined;
    parse = (bytes, input) => parseBytes(bytes, input, cache);
  } catch (e) {
    process.stdout.write(`eval: cannot load the parser (src/pipeline/parse-file.ts): ${(e as Error).message}\n`);
    return;
  }
  const started = Date.now();
  const scores: DocScore[] = [];
  for (const set of sets) {
    const files = labelledFiles(set.dir);
    for (const [i, f] of files.entries()) {
      scores.push(scoreDoc(f.expected, await parseOne(parse, f.path, f.name), set.source));
      if ((i + 1) % 50 === 0) process.stderr.write(`eval: ${set.source} ${i + 1}/${files.length}\n`);
    }
  }
  const figures = aggregate(scores.filter((s) => s.source !== 'pre2019'));
  const pre = scores.filter((s) => s.source === 'pre2019');
  const preFigures = pre.length ? aggregate(pre) : null;
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`eval: ${scores.length} documents parsed in ${seconds.toFixed(1)} s (${dir}${temp ? ', temporary' : ''})\n\n`);
  process.stdout.write(formatFigures(figures));
  if (preFigures) process.stdout.write(`\n── reports of 2008–2018 (p2008), ${pre.length} documents ──\n${formatPre2019(preFigures)}`);
  if (opt.json) writeFileSync(opt.json, `${JSON.stringify({ seconds, dir: temp ? null : dir, ...figures, ...(preFigures ? { pre2019: preFigures } : {}) }, null, 1)}\n`);
  if (temp) rmSync(temp, { recursive: true, force: true });
}

run(process.argv.slice(2)).catch((e: unknown) => {
  process.stdout.write(`eval: failed: ${(e as Error).stack ?? String(e)}\n`);
}).finally(() => { process.exitCode = 0; });
