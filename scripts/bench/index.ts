/**
 * `npm run bench [-- --quick] [-- --only parse,extract,crawl,frontier,e2e,queue] [-- --out FILE]`
 *
 * Measures on this machine: parse throughput, extraction per format (each in its own process, for its peak
 * RSS) against pdftotext / tesseract / a reused LibreOffice profile, crawler request rate and frontier growth,
 * `nianbao run` end to end with 1, 2, 4 workers, and `nianbao run --queue` with 1, 2, 3 `nianbao worker` processes. Progress on stderr; the report on stdout; every figure
 * and the machine's facts in bench/results.json. Never part of `npm test`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compareByFile, compareOcr, scalingRows, summarizeCrawl, summarizeFormat, runDocsPerSec } from './aggregate.ts';
import { benchPlan, parseBenchArgs, USAGE, type BenchArgs, type BenchPlan } from './args.ts';
import { runTask, type ChildOutcome } from './child.ts';
import { machineFacts } from './machine.ts';
import { formatReport } from './report.ts';
import { evaluateAims, type BenchResults } from './results.ts';
import { BENCH_FORMATS, prepareSamples } from './samples.ts';
import type { CrawlResult } from './sections/crawl.ts';
import type { E2eResult } from './sections/e2e.ts';
import type { ExtractTaskResult } from './sections/extract.ts';
import type { FrontierResult } from './sections/frontier.ts';
import type { NationalResult } from './sections/national.ts';
import type { StartupResult } from './sections/startup.ts';
import type { ParseResult } from './sections/parse.ts';
import type { ProbeResult } from './sections/probe.ts';
import type { RegistryResult } from './sections/registry.ts';
import { queueRows, type QueueResult } from './sections/queue.ts';
import type { OcrReference, ToolTiming } from './sections/reference.ts';
import { busyShare, machineCpu } from './proc-tree.ts';
import { median, round } from './stats.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TASK_TIMEOUT_MS = 15 * 60_000;
const log = (s: string) => process.stderr.write(`${s}\n`);

function task<T>(name: string, params: unknown, nodeFlags?: string[], timeoutMs = TASK_TIMEOUT_MS): Promise<ChildOutcome<T>> {
  return runTask<T>(name, params, { timeoutMs, nodeFlags });
}

async function extractSection(plan: BenchPlan): Promise<NonNullable<BenchResults['extract']>> {
  const samples = await prepareSamples(plan.samples, log);
  log(`extract: samples in ${samples.dir}${samples.cached ? ' (cached)' : ` (prepared in ${(samples.prepMs / 1000).toFixed(0)} s)`}`);
  const byFormat = new Map<string, ChildOutcome<ExtractTaskResult>>();
  for (const format of BENCH_FORMATS) {
    const files = samples.files[format];
    if (files.length === 0) {
      log(`extract ${format}: no sample files, skipped`);
      continue;
    }
    const pdfReference = format === 'pdf' || format === 'pdf-real';
    byFormat.set(format, await task<ExtractTaskResult>('extract', { format, files, repeats: plan.repeats[format], pdfReference }));
  }
  const pdftotext = async (files: string[]) => (files.length ? (await task<ToolTiming[]>('pdftotext', { files, repeats: 3 })).result : null);
  const refPdf = await pdftotext(samples.files.pdf);
  const refReal = await pdftotext(samples.files['pdf-real']);
  const ocrRef = samples.files.scan.length ? (await task<OcrReference>('tesseract', { files: samples.files.scan, dpi: 300 })).result : null;
  const lo = samples.files.doc.length ? (await task<ToolTiming[]>('soffice-reuse', { files: samples.files.doc })).result : null;
  const ours = (f: string) => byFormat.get(f)?.result;
  const docRuns = ours('doc')?.runs ?? [];
  return {
    samples: { dir: samples.dir, cached: samples.cached, prepMs: samples.prepMs },
    formats: [...byFormat.values()].map(summarizeFormat),
    pdf: refPdf && ours('pdf') ? compareByFile(ours('pdf')!, refPdf) : null,
    pdfReal: refReal && ours('pdf-real') ? compareByFile(ours('pdf-real')!, refReal) : null,
    ocr: ocrRef && ours('scan') ? compareOcr(ours('scan')!, ocrRef) : null,
    soffice: lo ? {
      files: lo.length,
      freshMsMedian: median(docRuns.flatMap((r) => r.extractMs)),
      reusedMsMedian: median(lo.filter((t) => t.code === 0).flatMap((t) => t.ms)),
    } : null,
  };
}

export async function runBench(args: BenchArgs, command: string): Promise<BenchResults> {
  const plan = benchPlan(args.quick);
  const r: BenchResults = {
    version: 1, command, startedAt: new Date().toISOString(), endedAt: '', quick: args.quick, sections: args.only,
    machine: machineFacts(), loadAverageEnd: [], sectionTimes: {}, aims: [], errors: [],
  };
  const run = async (name: string, fn: () => Promise<void>) => {
    if (!args.only.includes(name as never)) return;
    const t0 = performance.now();
    const cpu0 = machineCpu();
    log(`== ${name}`);
    try {
      await fn();
    } catch (e) {
      r.errors.push({ section: name, message: String((e as Error).message ?? e) });
      log(`${name}: FAILED: ${(e as Error).stack ?? e}`);
    }
    const busy = busyShare(cpu0, machineCpu());
    r.sectionTimes[name] = { wallMs: Math.round(performance.now() - t0), machineBusyCores: busy == null ? null : round(busy * r.machine.availableParallelism) };
    log(`== ${name} done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  };
  await run('parse', async () => {
    const o = await task<ParseResult>('parse', plan.parse);
    r.parse = { ...o.result, maxRss: o.maxRss };
  });
  await run('extract', async () => {
    r.extract = await extractSection(plan);
  });
  await run('startup', async () => {
    r.startup = (await task<StartupResult>('startup', plan.startup)).result;
  });
  await run('crawl', async () => {
    const o = await task<CrawlResult>('crawl', plan.crawl);
    r.crawl = { ...summarizeCrawl(o.result), raw: o.result, maxRss: o.maxRss };
  });
  await run('national', async () => {
    // Two crawls of every portal: on a busy machine the first alone can take half an hour.
    const o = await task<NationalResult>('national', { ...plan.national, ...(args.portals ? { portals: args.portals } : {}) }, undefined, 4 * TASK_TIMEOUT_MS);
    r.national = { ...o.result, maxRss: o.maxRss };
  });
  await run('frontier', async () => {
    const o = await task<FrontierResult>('frontier', plan.frontier, ['--expose-gc']);
    r.frontier = { ...o.result, maxRss: o.maxRss };
  });
  await run('e2e', async () => {
    const samples = await prepareSamples(plan.samples, log);
    const o = await task<E2eResult>('e2e', { ...plan.e2e, sampleFiles: BENCH_FORMATS.flatMap((f) => samples.files[f]) });
    const cores = r.machine.availableParallelism;
    r.e2e = {
      reportsOnSite: o.result.reportsOnSite, full: o.result.full, fullDocsPerSec: runDocsPerSec(o.result.full),
      scaling: o.result.scaling.map((s) => scalingRows(s, cores)),
    };
  });
  await run('registry', async () => {
    const o = await task<RegistryResult>('registry', plan.registry, ['--expose-gc']);
    r.registry = { ...o.result, maxRss: o.maxRss };
    r.probe = (await task<ProbeResult>('probe', plan.probe)).result;
  });
  await run('queue', async () => {
    const samples = await prepareSamples(plan.samples, log);
    // Twelve runs of the whole sample set: on a busy 2-core machine that takes longer than the other sections.
    const o = await task<QueueResult>('queue', { ...plan.queue, sampleFiles: BENCH_FORMATS.flatMap((f) => samples.files[f]) }, undefined, 3 * TASK_TIMEOUT_MS);
    r.queue = { documents: o.result.documents, rows: queueRows(o.result), runs: o.result.runs };
  });
  r.endedAt = new Date().toISOString();
  r.loadAverageEnd = loadavg().map((x) => Math.round(x * 100) / 100);
  r.aims = evaluateAims(r);
  return r;
}

export async function main(argv: string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const results = await runBench(args, ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '));
  const out = args.out ?? join(REPO, 'bench/results.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(results, null, 1)}\n`);
  process.stdout.write(`\n${formatReport(results)}\nresults: ${out}\n`);
  return results.errors.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exitCode = await main(process.argv.slice(2));
