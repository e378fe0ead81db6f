/**
 * Extract stage: every content in `documents` without an extraction at EXTRACTOR_VERSION → worker process
 * (timeout, crash isolation) → document model JSON + `extractions` row. A failure is recorded with its
 * error code and the stage goes on. On abort, documents in hand finish and the rest stay pending.
 */
import { fileURLToPath } from 'node:url';
import { cleanStale } from '../../extractors/temp-files.ts';
import { BadDocumentError, errorCode, PipelineError } from '../model/errors.ts';
import { extractedPath, pendingExtractions, saveExtraction, type PendingExtraction } from '../store/extractions.ts';
import { forEachConcurrent } from './concurrency.ts';
import type { StageContext } from './context.ts';
import { EXTRACT_WORKER, type ExtractDone, type ExtractJob } from './extract-job.ts';
import { WorkerPool } from './worker-pool.ts';
import { WorkerJobError } from './worker-protocol.ts';

export interface ExtractStats {
  pending: number;
  ok: number;
  failed: number;
  /** Pending documents left for the next run because the run was interrupted. */
  notStarted: number;
  failedByReason: Record<string, number>;
  ms: number;
  /** Crashes in a row since the last success (the stage stops when workers cannot start at all). */
  crashStreak: number;
  /** Documents done per worker (`nianbao worker` name), when the stage ran on a queue. */
  byWorker?: Record<string, number>;
}

export interface ExtractStageOptions {
  /** Also retry contents whose extraction at this version failed for good (not only transient failures). */
  retryFailed?: boolean;
  /** Worker entry module (tests); default extract-worker.ts. */
  workerScript?: string;
  /** Runs the stage elsewhere (`nianbao run --queue`: on `nianbao worker` processes through Redis). */
  remote?: (ctx: StageContext, options: ExtractStageOptions) => Promise<ExtractStats>;
}

/** Codes that come from our own shutdown, not from the document: nothing is recorded for them. */
const SHUTDOWN_CODES = new Set(['worker.closed']);
const TRANSIENT_ERRORS = new Set(['ExtractionTimeoutError', 'MissingToolError']);
/** This many crashes in a row before any success: the workers themselves are broken, not the documents. */
const BROKEN_AFTER = 5;

/** Time-outs, missing tools and crashed workers may go away: later runs try again (MAX_ATTEMPTS). */
export function isTransient(e: unknown): boolean {
  const name = e instanceof WorkerJobError ? e.originalName : (e as Error | undefined)?.name;
  return errorCode(e) === 'worker.crashed' || TRANSIENT_ERRORS.has(name ?? '') || (e instanceof PipelineError && e.retryable);
}

export function fileNameOf(p: PendingExtraction): string | undefined {
  if (p.url) {
    try {
      return decodeURIComponent(new URL(p.url).pathname.split('/').pop() ?? '') || undefined;
    } catch {
      return undefined;
    }
  }
  return p.ext ? `document.${p.ext}` : undefined;
}

/**
 * The worker pool's own limit: the document's time limit (which the extractors honour themselves, cleaning
 * up after them) plus a grace period, after which the worker and what it started are killed.
 */
export function killAfterMs(extractTimeoutSec: number): number {
  return Math.round(extractTimeoutSec * 1000 * 1.05 + 5000);
}

export async function runExtractStage(ctx: StageContext, options: ExtractStageOptions = {}): Promise<ExtractStats> {
  if (options.remote) return options.remote(ctx, options);
  const started = Date.now();
  const pending = pendingExtractions(ctx.db, ctx.extractorVersion, options);
  const stats: ExtractStats = { pending: pending.length, ok: 0, failed: 0, notStarted: 0, failedByReason: {}, ms: 0, crashStreak: 0 };
  ctx.progress.stageStart('extract', pending.length);
  // Temp folders and converters a killed run left behind (their owner is dead).
  cleanStale();
  if (pending.length > 0) {
    const workers = Math.min(ctx.config.workers, pending.length);
    const pool = new WorkerPool<ExtractJob, ExtractDone>({
      script: options.workerScript ?? fileURLToPath(EXTRACT_WORKER), size: workers, timeoutMs: killAfterMs(ctx.config.extractTimeoutSec),
    });
    try {
      const { started: n } = await forEachConcurrent(pending, workers, (p) => extractOne(ctx, pool, p, stats), ctx.signal);
      stats.notStarted = pending.length - n;
    } finally {
      await pool.close();
    }
  }
  stats.ms = Date.now() - started;
  ctx.progress.stageEnd('extract', { ok: stats.ok, failed: stats.failed, notStarted: stats.notStarted, ms: stats.ms });
  return stats;
}

async function extractOne(ctx: StageContext, pool: WorkerPool<ExtractJob, ExtractDone>, p: PendingExtraction, stats: ExtractStats): Promise<void> {
  const t0 = Date.now();
  try {
    if (!ctx.blobs.has(p.sha256)) throw new BadDocumentError('blob.missing', `raw bytes ${p.sha256} are not in the blob store`);
    const done = await pool.run({
      sha256: p.sha256, blobPath: ctx.blobs.pathFor(p.sha256),
      outPath: extractedPath(ctx.config.extractedDir, p.sha256, ctx.extractorVersion),
      fileName: fileNameOf(p), contentType: p.contentType ?? undefined, timeoutMs: ctx.config.extractTimeoutSec * 1000,
    });
    recordExtracted(ctx, p, done, stats);
  } catch (e) {
    recordExtractFailure(ctx, p, e, Date.now() - t0, stats);
  }
}

/** Stores a successful extraction (its document model JSON already in place) and counts it. */
export function recordExtracted(ctx: StageContext, p: PendingExtraction, done: ExtractDone, stats: ExtractStats, tick: Record<string, unknown> = {}): void {
  saveExtraction(ctx.db, {
    sha256: p.sha256, extractorVersion: ctx.extractorVersion, runId: ctx.runId, status: 'ok', format: done.format, pages: done.pages,
    ocr: done.ocr, modelBytes: done.modelBytes, warnings: done.warnings, ms: done.ms, extractedAt: new Date().toISOString(),
  });
  stats.ok++;
  stats.crashStreak = 0;
  ctx.progress.stageTick('extract', { sha256: p.sha256, format: done.format, ms: done.ms, ...tick });
}

/**
 * Stores a failed extraction (transient failures are retried by later runs) and counts it; nothing for a
 * shutdown of our own. Throws when the workers keep crashing before any success (they cannot start).
 */
export function recordExtractFailure(ctx: StageContext, p: PendingExtraction, e: unknown, ms: number, stats: ExtractStats, tick: Record<string, unknown> = {}): void {
  const code = errorCode(e);
  if (SHUTDOWN_CODES.has(code)) return;
  const message = (e as Error).message;
  saveExtraction(ctx.db, {
    sha256: p.sha256, extractorVersion: ctx.extractorVersion, runId: ctx.runId, status: 'failed', errorCode: code, errorMessage: message,
    retryable: isTransient(e), ms, extractedAt: new Date().toISOString(),
  });
  stats.failed++;
  stats.failedByReason[code] = (stats.failedByReason[code] ?? 0) + 1;
  ctx.progress.stageTick('extract', { failed: true, sha256: p.sha256, url: p.url, code, message, ...tick });
  if (code === 'worker.crashed' && ++stats.crashStreak >= BROKEN_AFTER && stats.ok === 0) {
    throw new PipelineError('extract.workers_broken', `${BROKEN_AFTER} extraction workers crashed in a row and none succeeded: ${message}`);
  }
}
