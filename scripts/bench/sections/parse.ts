/**
 * Parse throughput: generated text and HTML reports are extracted once (untimed) to document models in memory,
 * then `parseReport` runs over all of them `repeats` times after `warmup` passes, on one thread. Each pass
 * gives reports/s by wall clock and by this process's CPU time (robust against other load on the machine).
 * After each parse pass, a reference pass runs `JSON.parse` over the same models (serialised once): the ratio
 * of the two follows the code, not the machine's speed or load (results.ts judges the aim by it).
 */
import { extract } from '../../../extractors/index.ts';
import type { DocumentModel } from '../../../src/model/document.ts';
import { parseReport } from '../../../src/parse/index.ts';
import { PARSER_VERSION } from '../../../src/parse/index.ts';
import { generateCorpus } from '../../corpus/corpus.ts';
import type { OutFormat } from '../../corpus/spec.ts';
import { median, perSecond, round, summarize, type Summary } from '../stats.ts';

export interface ParseParams {
  n: number;
  seed: number;
  warmup: number;
  repeats: number;
}

export interface ParseFormatResult {
  format: OutFormat;
  documents: number;
  /** Documents that are not reports (the parser rejects them with a typed error) were left out. */
  skipped: number;
  passes: { wallMs: number; cpuMs: number; perSecWall: number | null; perSecCpu: number | null }[];
  perSecWall: number | null;
  perSecCpu: number | null;
  /** `JSON.parse` of the same models, reports/s by CPU time (median of the reference passes). */
  jsonPerSecCpu: number | null;
  /** Median over passes of (parse CPU time / JSON.parse CPU time): how many JSON.parses of its model a parse costs. */
  jsonRatio: number | null;
  /** Per report, ms (every timed pass). */
  msPerReport: Summary;
}

export interface ParseResult {
  parserVersion: string;
  formats: ParseFormatResult[];
}

async function models(format: OutFormat, p: ParseParams): Promise<{ docs: DocumentModel[]; skipped: number }> {
  const docs: DocumentModel[] = [];
  let skipped = 0;
  for (const d of generateCorpus({ n: p.n, seed: p.seed, formats: [format] })) {
    if (d.expected.error) {
      skipped++;
      continue;
    }
    const m = (await extract(d.bytes, { fileName: d.name })).value;
    try {
      parseReport(m);
      docs.push(m);
    } catch {
      skipped++;
    }
  }
  return { docs, skipped };
}

function pass(docs: DocumentModel[], perDoc?: number[]): { wallMs: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const m of docs) {
    const s = perDoc ? performance.now() : 0;
    parseReport(m);
    if (perDoc) perDoc.push(performance.now() - s);
  }
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wallMs, cpuMs: (c.user + c.system) / 1000 };
}

/** JSON.parse of every serialised model, CPU ms. */
function jsonPass(json: string[]): number {
  const c0 = process.cpuUsage();
  let keep = 0;
  for (const s of json) keep += (JSON.parse(s) as { blocks: unknown[] }).blocks.length;
  const c = process.cpuUsage(c0);
  if (keep < 0) throw new Error('unreachable');
  return (c.user + c.system) / 1000;
}

export async function parseTask(p: ParseParams, log: (s: string) => void): Promise<ParseResult> {
  const formats: ParseFormatResult[] = [];
  for (const format of ['txt', 'html'] as const) {
    const { docs, skipped } = await models(format, p);
    log(`parse: ${docs.length} ${format} reports in memory; ${p.warmup} warm-up + ${p.repeats} timed passes`);
    const json = docs.map((m) => JSON.stringify(m));
    for (let i = 0; i < p.warmup; i++) {
      pass(docs);
      jsonPass(json);
    }
    const perDoc: number[] = [];
    const jsonMs: number[] = [];
    const ratios: number[] = [];
    const passes = Array.from({ length: p.repeats }, () => {
      const r = pass(docs, perDoc);
      const j = jsonPass(json);
      jsonMs.push(j);
      if (j > 0) ratios.push(r.cpuMs / j);
      return { wallMs: round(r.wallMs)!, cpuMs: round(r.cpuMs)!, perSecWall: round(perSecond(docs.length, r.wallMs), 1), perSecCpu: round(perSecond(docs.length, r.cpuMs), 1) };
    });
    formats.push({
      format, documents: docs.length, skipped, passes,
      perSecWall: median(passes.map((x) => x.perSecWall ?? NaN)),
      perSecCpu: median(passes.map((x) => x.perSecCpu ?? NaN)),
      jsonPerSecCpu: round(perSecond(docs.length, median(jsonMs) ?? NaN), 1),
      jsonRatio: round(median(ratios), 2),
      msPerReport: summarize(perDoc),
    });
  }
  return { parserVersion: PARSER_VERSION, formats };
}
