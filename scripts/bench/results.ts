/** The shape of bench/results.json, and the aims the figures are judged against (pure). */
import type { Comparison, CrawlSummaryFigures, FormatSummary, OcrComparison, ScalingTable } from './aggregate.ts';
import type { MachineFacts } from './machine.ts';
import type { CrawlResult } from './sections/crawl.ts';
import type { E2eRun } from './sections/e2e.ts';
import type { FrontierResult } from './sections/frontier.ts';
import { nationalAim, type NationalResult } from './sections/national.ts';
import { startupAims, type StartupResult } from './sections/startup.ts';
import type { ParseResult } from './sections/parse.ts';
import { probeAim, type ProbeResult } from './sections/probe.ts';
import { registryAims, type RegistryResult } from './sections/registry.ts';
import type { QueueRow, QueueRun } from './sections/queue.ts';

export interface BenchResults {
  version: 1;
  command: string;
  startedAt: string;
  endedAt: string;
  quick: boolean;
  sections: string[];
  machine: MachineFacts;
  loadAverageEnd: number[];
  /** Per section: wall time, and cores the whole machine kept busy meanwhile (the bench's and everyone else's). */
  sectionTimes: Record<string, { wallMs: number; machineBusyCores: number | null }>;
  parse?: ParseResult & { maxRss: number };
  extract?: {
    samples: { dir: string; cached: boolean; prepMs: number };
    formats: FormatSummary[];
    pdf: Comparison | null;
    pdfReal: Comparison | null;
    ocr: OcrComparison | null;
    /** DOC → DOCX with LibreOffice: our extractor (fresh profile per call) against one reused profile. */
    soffice: { files: number; freshMsMedian: number | null; reusedMsMedian: number | null } | null;
  };
  crawl?: CrawlSummaryFigures & { raw: CrawlResult; maxRss: number };
  startup?: StartupResult;
  national?: NationalResult & { maxRss: number };
  frontier?: FrontierResult & { maxRss: number };
  e2e?: { reportsOnSite: number; full: E2eRun; fullDocsPerSec: number | null; scaling: ScalingTable[] };
  registry?: RegistryResult & { maxRss: number };
  probe?: ProbeResult;
  queue?: { documents: number; rows: QueueRow[]; runs: QueueRun[] };
  aims: Aim[];
  errors: { section: string; message: string }[];
}

export interface Aim {
  id: string;
  aim: string;
  measured: string;
  /** null when the section did not run or gave no figure. */
  met: boolean | null;
  note?: string;
}

const f = (v: number | null | undefined, d = 0) => (v == null || !Number.isFinite(v) ? '—' : v.toFixed(d));

/**
 * JSON.parse of the parse section's document models (reports/s by CPU time), on the development machine
 * (2 cores, AMD EPYC, shared) on 2026-12-05: the "one core" the parse aim means. A faster or less busy core
 * parses faster and runs JSON.parse faster alike, so the verdict does not follow the machine.
 */
export const JSON_REFERENCE_PER_SEC: Record<string, number> = { txt: 41_000, html: 15_000 };

/** Frontier memory counts as flat when RSS at the largest size is at most this much above the smallest. */
export const FLAT_RSS_FACTOR = 1.25;
/** Scaling aim: speedup with `cores` workers at least this share of the core count. */
export const SCALING_EFFICIENCY = 0.8;
/** Queue aim: extract-stage time with `nianbao worker` processes at most this much above local workers. */
export const QUEUE_OVERHEAD = 0.05;

export function evaluateAims(r: BenchResults): Aim[] {
  const aims: Aim[] = [];
  if (r.parse) {
    // Judged against JSON.parse of the same models in the same run (the machine's speed and load cancel out):
    // 1,000 reports/s on a core where JSON.parse runs at the reference rate. Raw rates are shown too.
    const judged = r.parse.formats.map((x) => ({
      format: x.format, raw: x.perSecCpu, ref: JSON_REFERENCE_PER_SEC[x.format],
      norm: x.jsonRatio && JSON_REFERENCE_PER_SEC[x.format] ? JSON_REFERENCE_PER_SEC[x.format]! / x.jsonRatio : null,
    }));
    const worst = Math.min(...judged.map((x) => x.norm ?? 0));
    aims.push({
      id: 'parse', aim: 'parse ≥ 1,000 reports/s on one core (against JSON.parse of the same models in the same run)',
      measured: judged.map((x) => `${x.format} ${f(x.norm)} /s on the reference core (${f(x.raw)} /s CPU here)`).join(', '),
      met: judged.every((x) => x.norm != null) ? worst >= 1000 : null,
      note: `the reference core runs JSON.parse of these models at ${Object.entries(JSON_REFERENCE_PER_SEC).map(([k, v]) => `${k} ${v.toLocaleString('en-US')}/s`).join(', ')}`,
    });
  }
  if (r.extract) {
    const parts: [string, number][] = [];
    if (r.extract.pdf?.ratio != null) parts.push(['generated', r.extract.pdf.ratio]);
    if (r.extract.pdfReal?.ratio != null) parts.push(['real', r.extract.pdfReal.ratio]);
    const mu = [r.extract.pdf, r.extract.pdfReal].filter((c) => c?.mutoolMs != null && c.referenceMs > 0).map((c) => `${f(c!.mutoolMs! / c!.referenceMs, 2)}×`);
    aims.push({
      id: 'pdf', aim: 'text-PDF extraction + parse ≤ 2× pdftotext -layout (run side by side)',
      measured: parts.map(([k, v]) => `${f(v, 2)}× (${k})`).join(', ') || '—',
      met: parts.length ? Math.max(...parts.map(([, v]) => v)) <= 2 : null,
      note: mu.length ? `mutool's dump alone, timed beside it, is ${mu.join(' / ')} pdftotext (generated / real): MuPDF's own work is most of ours; the rest is the layout and the parse` : undefined,
    });
    if (r.extract.ocr) {
      aims.push({
        id: 'ocr', aim: 'OCR per page ≤ 1.3× a plain tesseract -l chi_sim on the same page images',
        measured: `${f(r.extract.ocr.ratio, 2)}× tesseract, ${f(r.extract.ocr.ratioWithRaster, 2)}× pdftoppm + tesseract`,
        met: r.extract.ocr.ratio == null ? null : r.extract.ocr.ratio <= 1.3,
        note: 'each page is read 4 times (the page, then its value cells in chi_sim and eng and its label cells): the re-reads are most of the gap',
      });
    }
  }
  if (r.crawl) {
    aims.push({ id: 'crawl', aim: 'crawler overhead ≥ 500 requests/s', measured: `${f(r.crawl.cpuBoundPerSec)} /s by CPU per request (${f(r.crawl.wallPerSec)} /s wall against the fixture site)`, met: r.crawl.cpuBoundPerSec == null ? null : r.crawl.cpuBoundPerSec >= 500 });
  }
  if (r.frontier && r.frontier.points.length > 1) {
    const p = r.frontier.points;
    const first = p[0]!;
    const last = p[p.length - 1]!;
    aims.push({
      id: 'frontier', aim: `memory flat as the frontier grows (RSS at ${last.urls.toLocaleString('en-US')} ≤ ${FLAT_RSS_FACTOR}× RSS at ${first.urls.toLocaleString('en-US')})`,
      measured: `${f(first.rss / 1048576)} → ${f(last.rss / 1048576)} MiB RSS; claim ${f(first.claimMs, 1)} → ${f(last.claimMs, 1)} ms`,
      met: last.rss <= first.rss * FLAT_RSS_FACTOR,
    });
  }
  if (r.e2e) {
    const cores = r.machine.availableParallelism;
    const table = r.e2e.scaling.find((t) => t.name === 'bench samples') ?? r.e2e.scaling[0];
    const rows = table?.rows ?? [];
    const atCores = rows.find((s) => s.workers === cores);
    const held = rows.filter((s) => s.workers > cores).every((s) => (s.speedup ?? 0) >= (atCores?.speedup ?? 0) * 0.9);
    aims.push({
      id: 'scaling', aim: `extraction scales with workers up to the core count (speedup at ${cores} ≥ ${SCALING_EFFICIENCY * cores}, no loss beyond)`,
      measured: `${table?.name ?? '—'}: ${rows.map((s) => `${s.workers}: ${f(s.speedup, 2)}×`).join(', ')}`,
      met: atCores?.speedup == null ? null : atCores.speedup >= SCALING_EFFICIENCY * cores && held,
    });
  }
  if (r.registry) aims.push(...registryAims(r.registry));
  if (r.probe) aims.push(probeAim(r.probe));
  if (r.queue?.rows.length) {
    const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)} %`);
    const worst = (k: 'extractOverhead' | 'slotOverhead') => Math.max(...r.queue!.rows.map((x) => x[k] ?? Infinity));
    aims.push({
      id: 'queue', aim: `the queue costs under ${QUEUE_OVERHEAD * 100} % against local workers at the same worker count (idle slot time against the work; wall clock shown)`,
      measured: `slots: ${r.queue.rows.map((x) => `${x.workers}: ${pct(x.slotOverhead)}`).join(', ')}; ` +
        `extract stage wall: ${r.queue.rows.map((x) => `${x.workers}: ${pct(x.extractOverhead)}`).join(', ')}`,
      met: Number.isFinite(worst('slotOverhead')) ? worst('slotOverhead') < QUEUE_OVERHEAD : null,
      note: `wall clock: ${worst('extractOverhead') < QUEUE_OVERHEAD ? 'also under' : 'over'} ${QUEUE_OVERHEAD * 100} % (it swings with the machine's other load)`,
    });
  }
  if (r.startup) aims.push(...startupAims(r.startup));
  if (r.national) aims.push(nationalAim(r.national));
  return aims;
}
