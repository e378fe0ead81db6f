/**
 * Raw task outputs → the figures the bench reports (pure): per-format extraction summaries, the ratios to
 * the reference tools, crawl rates, frontier growth and worker scaling.
 */
import type { ChildOutcome } from './child.ts';
import type { CrawlResult } from './sections/crawl.ts';
import type { E2eRun, ScalingSet } from './sections/e2e.ts';
import type { ExtractTaskResult } from './sections/extract.ts';
import type { OcrReference, ToolTiming } from './sections/reference.ts';
import { median, perSecond, ratio, summarize, type Summary } from './stats.ts';

export interface FormatSummary {
  format: string;
  files: number;
  pages: number;
  /** Outcome per file: template found, or error code. */
  outcomes: Record<string, number>;
  extractMs: Summary;
  /** extract() time per page, for formats that have pages (PDF, scans). */
  extractMsPerPage: Summary | null;
  extractParseMs: Summary;
  parseMs: Summary;
  maxRss: number;
  peakTreeRss: number | null;
}

export function summarizeFormat(o: ChildOutcome<ExtractTaskResult>): FormatSummary {
  const runs = o.result.runs;
  const outcomes: Record<string, number> = {};
  for (const r of runs) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
  const paged = runs.filter((r) => r.pages && r.pages > 0);
  return {
    format: o.result.format, files: runs.length, pages: runs.reduce((s, r) => s + (r.pages ?? 0), 0), outcomes,
    extractMs: summarize(runs.flatMap((r) => r.extractMs)),
    extractMsPerPage: paged.length ? summarize(paged.flatMap((r) => r.extractMs.map((ms) => ms / r.pages!))) : null,
    extractParseMs: summarize(runs.flatMap((r) => r.extractMs.map((ms, i) => ms + (r.parseMs[i] ?? 0)))),
    parseMs: summarize(runs.flatMap((r) => r.parseMs)),
    maxRss: o.maxRss, peakTreeRss: o.peakTreeRss,
  };
}

export interface Comparison {
  /** Sum over files of each file's median time, ms. */
  oursMs: number;
  referenceMs: number;
  /** oursMs / referenceMs. */
  ratio: number | null;
  /** Median over files of the per-file ratio. */
  medianFileRatio: number | null;
  files: number;
  /** Of oursMs, the time mutool's dump takes alone (sum of per-file medians), when measured. */
  mutoolMs?: number | null;
  /** The reference was timed right after each of our runs (same load), not in a separate pass. */
  interleaved?: boolean;
}

/** Our extract+parse against a reference tool, file by file (files missing on either side are left out). */
export function compareByFile(ours: ExtractTaskResult, reference: ToolTiming[]): Comparison {
  const ref = new Map(reference.filter((t) => t.code === 0).map((t) => [t.file, median(t.ms)]));
  let oursMs = 0;
  let referenceMs = 0;
  let mutoolMs: number | null = null;
  const ratios: number[] = [];
  const interleaved = ours.runs.some((r) => r.refMs?.length);
  for (const r of ours.runs) {
    const refMs = interleaved ? median(r.refMs ?? []) : ref.get(r.file);
    const mine = median(r.extractMs.map((ms, i) => ms + (r.parseMs[i] ?? 0)));
    if (refMs == null || mine == null) continue;
    oursMs += mine;
    referenceMs += refMs;
    const mu = median(r.mutoolMs ?? []);
    if (mu != null) mutoolMs = (mutoolMs ?? 0) + mu;
    ratios.push(mine / refMs);
  }
  return { oursMs, referenceMs, ratio: ratio(oursMs, referenceMs), medianFileRatio: median(ratios), files: ratios.length, mutoolMs, interleaved };
}

export interface OcrComparison {
  pages: number;
  oursMsPerPage: number | null;
  tesseractMsPerPage: number | null;
  rasterMsPerPage: number | null;
  /** Our OCR extraction per page / plain tesseract per page. */
  ratio: number | null;
  /** Our OCR extraction per page / (pdftoppm + tesseract) per page. */
  ratioWithRaster: number | null;
}

export function compareOcr(ours: ExtractTaskResult, ref: OcrReference): OcrComparison {
  const pages = ours.runs.reduce((s, r) => s + (r.pages ?? 0), 0);
  const oursMs = ours.runs.reduce((s, r) => s + (median(r.extractMs) ?? 0), 0);
  const ok = (t: ToolTiming[]) => t.filter((x) => x.code === 0).flatMap((x) => x.ms);
  const tess = ok(ref.ocr);
  const raster = ok(ref.raster);
  const perPage = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);
  const oursPerPage = pages > 0 ? oursMs / pages : null;
  const t = perPage(tess);
  const r = perPage(raster);
  return {
    pages, oursMsPerPage: oursPerPage, tesseractMsPerPage: t, rasterMsPerPage: r,
    ratio: ratio(oursPerPage, t), ratioWithRaster: ratio(oursPerPage, t == null || r == null ? null : t + r),
  };
}

export interface CrawlSummaryFigures {
  requests: number;
  /** Median over repeats of requests / wall second. */
  wallPerSec: number | null;
  /** Median crawler CPU ms per request. */
  cpuMsPerRequest: number | null;
  /** 1000 / cpuMsPerRequest: the request rate the crawler's own overhead allows on one core. */
  cpuBoundPerSec: number | null;
  fetchMsMedian: number | null;
  fetchMsMax: number | null;
}

export function summarizeCrawl(c: CrawlResult): CrawlSummaryFigures {
  const cpuMs = median(c.repeats.map((r) => r.cpuMs / Math.max(1, r.requests)));
  return {
    requests: median(c.repeats.map((r) => r.requests)) ?? 0,
    wallPerSec: median(c.repeats.map((r) => perSecond(r.requests, r.wallMs) ?? NaN)),
    cpuMsPerRequest: cpuMs,
    cpuBoundPerSec: cpuMs ? 1000 / cpuMs : null,
    fetchMsMedian: median(c.repeats.map((r) => r.fetchMsMedian ?? NaN)),
    fetchMsMax: median(c.repeats.map((r) => r.fetchMsMax ?? NaN)),
  };
}

export interface ScalingRow {
  workers: number;
  /** Runs made with this worker count; the row is the fastest. */
  runs: number;
  documents: number;
  extractMs: number;
  docsPerSec: number | null;
  /** Extract-stage time with 1 worker / with this many. */
  speedup: number | null;
  /** Sum of the per-document extraction times (the work), ms. */
  workMs: number | null;
  /** The longest single document, ms. */
  longestMs: number | null;
  /** Best stage time the work allows: max(work / min(workers, cores), longest document), ms. */
  boundMs: number | null;
  /** Cores our run used on average (its process tree's CPU / wall), and cores other work kept busy meanwhile. */
  ourCores: number | null;
  otherCores: number | null;
}

export interface ScalingTable {
  name: string;
  rows: ScalingRow[];
}

function loadOf(r: E2eRun): { ourCores: number | null; otherCores: number | null } {
  const ourCores = ratio(r.cpuMs, r.wallMs);
  const otherCores = r.machineBusyCores == null || ourCores == null ? null : Math.max(0, r.machineBusyCores - ourCores);
  return { ourCores, otherCores };
}

/** One row per worker count: its fastest run (rounds repeat each count; other load on the machine only slows). */
export function scalingRows(set: ScalingSet, cores: number): ScalingTable {
  const extractMs = (r: E2eRun) => r.stageMs.extract ?? 0;
  const fastest = new Map<number, E2eRun>();
  for (const r of set.runs) {
    const best = fastest.get(r.workers);
    if (!best || extractMs(r) < extractMs(best)) fastest.set(r.workers, r);
  }
  const one = fastest.get(1);
  return {
    name: set.name,
    rows: [...fastest.values()].sort((a, b) => a.workers - b.workers).map((r) => ({
      runs: set.runs.filter((x) => x.workers === r.workers).length,
      workers: r.workers, documents: r.extracted + r.extractFailed, extractMs: extractMs(r),
      docsPerSec: perSecond(r.extracted + r.extractFailed, extractMs(r)),
      speedup: one ? ratio(extractMs(one), extractMs(r)) : null,
      workMs: r.docMsSum ?? null, longestMs: r.docMsMax ?? null,
      boundMs: r.docMsSum == null || r.docMsMax == null ? null : Math.max(r.docMsSum / Math.min(r.workers, cores), r.docMsMax),
      ...loadOf(r),
    })),
  };
}

/** Documents per second of a whole `nianbao run` (crawl to export, wall clock of the process). */
export function runDocsPerSec(r: E2eRun): number | null {
  return perSecond(r.extracted + r.extractFailed, r.wallMs);
}
