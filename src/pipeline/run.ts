/**
 * One pipeline run: lock → crawl → extract → parse (+ validate, store) → export, each stage optional and
 * incremental. The run is recorded in `runs` (summary JSON), holds the run lock with a heartbeat, and
 * stops between documents when `signal` aborts. Every document's outputs are committed before the next
 * one starts, so a killed run loses nothing committed and the next run resumes.
 */
import { EXIT_CODES } from '../cli/exit-codes.ts';
import { ConfigError } from '../model/errors.ts';
import { BlobStore } from '../store/blobs.ts';
import { openDb, type Db } from '../store/db.ts';
import { acquireRunLock, heartbeatLock, releaseRunLock } from '../store/run-lock.ts';
import { finishRun, heartbeatRun, newRunId, startRun } from '../store/runs.ts';
import { storeStats } from '../store/stats.ts';
import { ensureWideView } from '../store/wide-view.ts';
import { exportDataset } from '../export/index.ts';
import { coverageSummary } from '../divisions/coverage-summary.ts';
import type { Config } from './config.ts';
import { DEFAULT_PARSER, EXTRACTOR_VERSION, stageVersions, type Parser, type StageContext } from './context.ts';
import { defaultResolver, type Resolver } from './resolver.ts';
import type { CrawlVerdict } from './crawl-health.ts';
import { runCrawlStage, type CrawlStageOptions } from './crawl-stage.ts';
import { runExtractStage, type ExtractStageOptions } from './extract-stage.ts';
import { runParseStage, type ParseStageOptions } from './parse-stage.ts';
import type { Progress } from './progress.ts';
import type { RunSummary } from './summary.ts';

export interface RunPlan {
  /** Recorded in `runs.command`: run, extract, reparse … */
  command: string;
  crawl?: CrawlStageOptions | false;
  extract?: ExtractStageOptions | false;
  parse?: ParseStageOptions | false;
  export?: { dir: string; bom: boolean; onlyLatest?: boolean } | false;
}

export interface RunIo {
  progress: Progress;
  signal: AbortSignal;
  /** Default: the real parser (tests inject a version bump). */
  parser?: Parser;
  /** Default: the division resolver over the pinned registry; null: no division resolution. */
  resolver?: Resolver | null;
  extractorVersion?: string;
  /** Lock heartbeat interval (default 30 s). */
  heartbeatMs?: number;
}

const HEARTBEAT_MS = 30_000;

/**
 * 5 when the crawl was an outage (no site answered, or nothing seen where the last crawl saw documents);
 * 1 when documents failed or some sites could not be reached; 0 otherwise (README "Exit codes").
 */
export function exitCodeFor(failed: number, crawl?: CrawlVerdict): number {
  if (crawl === 'outage') return EXIT_CODES.outage;
  return failed > 0 || crawl === 'sites_failed' ? EXIT_CODES.documentErrors : EXIT_CODES.ok;
}

/** Opens the store the way every pipeline command does (migrations, the wide view). */
export function openStore(config: Config): { db: Db; blobs: BlobStore } {
  const db = openDb(config.db);
  ensureWideView(db);
  return { db, blobs: new BlobStore(config.blobsDir) };
}

export async function runPipeline(config: Config, plan: RunPlan, io: RunIo): Promise<RunSummary> {
  const { db, blobs } = openStore(config);
  const runId = newRunId();
  try {
    const { tookOver } = acquireRunLock(db, { runId });
    const startedAt = new Date().toISOString();
    startRun(db, { id: runId, command: plan.command, now: startedAt });
    const beat = setInterval(() => {
      const now = new Date();
      heartbeatLock(db, runId, now);
      heartbeatRun(db, runId, now.toISOString());
    }, io.heartbeatMs ?? HEARTBEAT_MS);
    beat.unref();
    const ctx: StageContext = {
      db, blobs, config, runId, progress: io.progress, signal: io.signal,
      parser: io.parser ?? DEFAULT_PARSER, resolver: io.resolver === undefined ? defaultResolver(db) : io.resolver,
      extractorVersion: io.extractorVersion ?? EXTRACTOR_VERSION,
    };
    const partial: Partial<RunSummary> = { stageMs: {} };
    try {
      await runStages(ctx, plan, partial);
    } catch (e) {
      const exitCode = e instanceof ConfigError ? 2 : 4;
      finishRun(db, runId, { status: 'failed', exitCode, summary: { ...partial, error: String((e as Error).stack ?? e) }, now: new Date().toISOString() });
      throw e;
    } finally {
      clearInterval(beat);
    }
    const failedByReason = mergeCounts(partial.extract?.failedByReason, partial.parse?.failedByReason);
    const failed = (partial.extract?.failed ?? 0) + (partial.parse?.parseErrors ?? 0);
    const exitCode = exitCodeFor(failed, partial.crawl?.health.verdict);
    const summary: RunSummary = {
      runId, command: plan.command, startedAt, endedAt: new Date().toISOString(),
      status: io.signal.aborted ? 'interrupted' : exitCode === 0 ? 'ok' : 'failed', exitCode,
      versions: stageVersions(ctx),
      ...partial, stageMs: partial.stageMs ?? {}, failedByReason,
      store: storeStats(db, stageVersions(ctx)),
      ...(plan.parse ? { coverage: coverageSummary(db) } : {}),
      ...(tookOver ? { tookOverLock: tookOver } : {}),
    };
    finishRun(db, runId, { status: summary.status, exitCode, summary, now: summary.endedAt });
    return summary;
  } finally {
    releaseRunLock(db, runId);
    db.close();
  }
}

async function runStages(ctx: StageContext, plan: RunPlan, out: Partial<RunSummary>): Promise<void> {
  const time = async <T>(stage: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = Date.now();
    try {
      return await fn();
    } finally {
      out.stageMs![stage] = Date.now() - t0;
    }
  };
  if (plan.crawl && !ctx.signal.aborted) out.crawl = await time('crawl', () => runCrawlStage(ctx, plan.crawl || {}));
  if (plan.extract && !ctx.signal.aborted) out.extract = await time('extract', () => runExtractStage(ctx, plan.extract || {}));
  if (plan.parse && !ctx.signal.aborted) out.parse = await time('parse', () => runParseStage(ctx, plan.parse || {}));
  // Export even after an interrupt: the files then match what is committed.
  if (plan.export) {
    const ex = plan.export;
    const t0 = Date.now();
    const files = await time('export', () => exportDataset(ctx.db, ex.dir, { bom: ex.bom, onlyLatest: ex.onlyLatest }));
    out.export = { dir: ex.dir, files: files.map((f) => ({ name: f.name, rows: f.rows })), ms: Date.now() - t0 };
    ctx.progress.log('info', 'export.done', { dir: ex.dir, files: out.export.files });
  }
}

function mergeCounts(...maps: (Record<string, number> | undefined)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, n] of Object.entries(m ?? {})) out[k] = (out[k] ?? 0) + n;
  return out;
}
