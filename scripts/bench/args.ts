/** Command-line options of `npm run bench` and the sample sizes of a full and a `--quick` run (pure). */
import { parseArgs } from 'node:util';
import { ConfigError } from '../../src/model/errors.ts';
import type { CrawlParams } from './sections/crawl.ts';
import type { E2eParams } from './sections/e2e.ts';
import type { FrontierParams } from './sections/frontier.ts';
import type { NationalParams } from './sections/national.ts';
import type { StartupParams } from './sections/startup.ts';
import type { ProbeParams } from './sections/probe.ts';
import { DEFAULT_LIST, type RegistryParams } from './sections/registry.ts';
import type { ParseParams } from './sections/parse.ts';
import type { QueueParams } from './sections/queue.ts';
import type { BenchFormat, SampleSizes } from './samples.ts';

export const SECTIONS = ['parse', 'extract', 'startup', 'crawl', 'national', 'frontier', 'e2e', 'registry', 'queue'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchArgs {
  quick: boolean;
  only: Section[];
  /** Where results.json goes. */
  out?: string;
  help: boolean;
  /** Portals of the national night instead of the plan's (3,000; 200 with --quick). */
  portals?: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--only ${SECTIONS.join(',')}] [--out FILE]
  --quick   small sizes, for a smoke run (a few minutes)
  --only    run only these sections (comma-separated)
  --out     results file (default bench/results.json)
  --portals portals of the national night (default 3000; 200 with --quick)`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv, strict: true,
      options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, out: { type: 'string' }, portals: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
    }));
  } catch (e) {
    throw new ConfigError('bench.bad_flag', (e as Error).message);
  }
  const only = values.only === undefined ? [...SECTIONS] : values.only.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length || only.length === 0) {
    throw new ConfigError('bench.bad_section', `unknown section(s) ${unknown.join(', ') || '(none given)'}; known: ${SECTIONS.join(', ')}`);
  }
  const portals = values.portals === undefined ? undefined : Number(values.portals);
  if (portals !== undefined && !(Number.isInteger(portals) && portals > 0 && portals <= 3000)) throw new ConfigError('bench.bad_flag', `--portals ${values.portals}: expected 1 to 3000`);
  return { quick: values.quick ?? false, only: only as Section[], out: values.out, help: values.help ?? false, ...(portals ? { portals } : {}) };
}

export interface BenchPlan {
  parse: ParseParams;
  samples: SampleSizes;
  /** Timed extractions per sample file. */
  repeats: Record<BenchFormat, number>;
  crawl: CrawlParams;
  national: NationalParams;
  startup: StartupParams;
  frontier: FrontierParams;
  registry: RegistryParams;
  /** The registry probe against simulated portals (run in the registry section). */
  probe: ProbeParams;
  e2e: Omit<E2eParams, 'sampleFiles'>;
  queue: Omit<QueueParams, 'sampleFiles'>;
}

/** Sample sizes: a full run stays under ~10 minutes on 2 cores (OCR is ~3 s a page, LibreOffice ~2 s a file). */
export function benchPlan(quick: boolean): BenchPlan {
  return quick
    ? {
      parse: { n: 40, seed: 11, warmup: 1, repeats: 3 },
      samples: { html: 4, office: 2, scan: 1, seed: 11 },
      repeats: { html: 1, docx: 1, doc: 1, pdf: 2, 'pdf-real': 2, scan: 1 },
      crawl: { repeats: 2, maxPerFormat: 4 },
      national: { portals: 200, rps: 1, concurrency: 256 },
      startup: { helpRuns: 3, parseRuns: 2 },
      frontier: { checkpoints: [10_000, 20_000, 40_000], hosts: 50, batch: 10_000 },
      registry: { sites: 5_000, list: DEFAULT_LIST },
      probe: { portals: 6, seed: 11 },
      e2e: { maxPerFormat: 4, workers: [1, 2], rounds: 1, timeoutMs: 300_000 },
      queue: { workers: [1, 2, 3], rounds: 1, timeoutMs: 300_000 },
    }
    : {
      parse: { n: 200, seed: 11, warmup: 3, repeats: 7 },
      samples: { html: 20, office: 8, scan: 2, seed: 11 },
      repeats: { html: 3, docx: 2, doc: 1, pdf: 5, 'pdf-real': 7, scan: 1 },
      crawl: { repeats: 5, maxPerFormat: 100 },
      national: { portals: 3000, rps: 1, concurrency: 256 },
      startup: { helpRuns: 7, parseRuns: 5 },
      frontier: { checkpoints: [10_000, 100_000, 1_000_000], hosts: 50, batch: 10_000 },
      registry: { sites: 50_000, list: DEFAULT_LIST },
      probe: { portals: 24, seed: 11 },
      e2e: { maxPerFormat: 4, workers: [1, 2, 4], rounds: 2, timeoutMs: 600_000 },
      queue: { workers: [1, 2, 3], rounds: 2, timeoutMs: 600_000 },
    };
}
