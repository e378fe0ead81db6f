/** The shape of bench/results.json, and the aims the figures are judged against (pure). */
import type { Comparison, CrawlSummaryFigures, FormatSummary, OcrComparison, ScalingTable } from './aggregate.ts';
import type { MachineFacts } from './machine.ts';
import type { CrawlResult } from './sections/crawl.ts';
import type { E2eRun } from './sections/e2e.ts';
import type { FrontierResult } from './sections/frontier.ts';
import type { ParseResult } from './sections/parse.ts';
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
  frontier?: FrontierResult & { maxRss: number };
  e2e?: { reportsOnSite: number; full: E2eRun; fullDocsPerSec: number | null; scaling: ScalingTable[] };
  registry?: RegistryResult & { maxRss: number };
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

/** Frontier memory counts as flat when RSS at the largest size is at most this much above the smallest. */
export const FLAT_RSS_FACTOR = 1.25;
/** Scaling aim: speedup with `cores` workers at least this share of the core count. */
export const SCALING_EFFICIENCY = 0.8;
/** Queue aim: extract-stage time with `nianbao worker` processes at most this much above local workers. */
export const QUEUE_OVERHEAD = 0.05;

export function evaluateAims(r: BenchResults): Aim[] {
  const aims: Aim[] = [];
  if (r.parse) {
    // Each is a lower bound of the speed on an idle core: wall time counts other load, CPU time counts V8's GC threads.
    const rate = (x: { perSecCpu: number | null; perSecWall: number | null }) => Math.max(x.perSecCpu ?? 0, x.perSecWall ?? 0);
    const worst = Math.min(...r.parse.formats.map(rate));
    aims.push({
      id: 'parse', aim: 'parse ≥ 1,000 reports/s on one core',
      measured: `${f(worst)} /s, slowest format (${r.parse.formats.map((x) => `${x.format} ${f(x.perSecCpu)} CPU / ${f(x.perSecWall)} wall`).join(', ')})`,
      met: worst >= 1000,
    });
  }
  if (r.extract) {
    const parts: [string, number][] = [];
    if (r.extract.pdf?.ratio != null) parts.push(['generated', r.extract.pdf.ratio]);
    if (r.extract.pdfReal?.ratio != null) parts.push(['real', r.extract.pdfReal.ratio]);
    aims.push({
      id: 'pdf', aim: 'text-PDF extraction + parse ≤ 2× pdftotext -layout',
      measured: parts.map(([k, v]) => `${f(v, 2)}× (${k})`).join(', ') || '—',
      met: parts.length ? Math.max(...parts.map(([, v]) => v)) <= 2 : null,
    });
    if (r.extract.ocr) aims.push({ id: 'ocr', aim: 'OCR extraction vs plain tesseract (no aim; reported)', measured: `${f(r.extract.ocr.ratio, 2)}× tesseract, ${f(r.extract.ocr.ratioWithRaster, 2)}× pdftoppm + tesseract`, met: null });
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
  return aims;
}
