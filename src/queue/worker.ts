/**
 * `nianbao worker`: takes extraction jobs from the queue (BullMQ on Redis), fetches each content's raw bytes
 * from the coordinator, extracts it with the local worker pool (the same worker processes, time limit and
 * crash isolation as a local run) and returns the extraction as the job's result. Stops on `signal` after the
 * jobs in hand; a worker that dies instead has its jobs handed to another by BullMQ's stalled-job check.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Job } from 'bullmq';
import { EXTRACTOR_VERSION } from '../../extractors/index.ts';
import { ConfigError, errorCode, PipelineError } from '../model/errors.ts';
import { EXTRACT_WORKER, type ExtractDone, type ExtractJob } from '../pipeline/extract-job.ts';
import type { Progress } from '../pipeline/progress.ts';
import { WorkerPool } from '../pipeline/worker-pool.ts';
import { fetchBlob } from './blob-client.ts';
import { KEY_PREFIX, queueName, redactUrl, type QueueTarget } from './options.ts';
import { blobUrlKey, encodeModel, jobError, type QueueJobData, type QueueResult } from './protocol.ts';
import { redisConnection } from './redis.ts';

export interface WorkerSettings extends QueueTarget {
  /** Shown in the coordinator's per-worker counts (default host:pid). */
  workerName: string;
  /** Extraction processes, and jobs taken at once. */
  slots: number;
  extractTimeoutSec: number;
  /** BullMQ job lock; a worker silent this long has its jobs handed to another (default 30 s). */
  lockDurationMs: number;
}

export interface WorkerStats {
  done: number;
  failed: number;
  /** Set when the worker stopped because of its configuration (a refused token): exit 2. */
  fatal?: string;
}

const FETCH_TIMEOUT_MS = 120_000;

export async function runQueueWorker(s: WorkerSettings, io: { progress: Progress; signal: AbortSignal }): Promise<WorkerStats> {
  const queue = queueName(s.name, EXTRACTOR_VERSION);
  const stats: WorkerStats = { done: 0, failed: 0 };
  const connection = redisConnection(s.redisUrl, { blocking: true, name: `nianbao-worker-${s.workerName}` });
  const pool = new WorkerPool<ExtractJob, ExtractDone>({ script: fileURLToPath(EXTRACT_WORKER), size: s.slots, timeoutMs: s.extractTimeoutSec * 1000 });
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-worker-'));
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  // The coordinator's blob server, read from Redis once and again after a failed fetch (it may have moved).
  let blobBase: string | null = null;
  io.signal.addEventListener('abort', onAbort);

  const processJob = async (job: Job<QueueJobData, QueueResult>): Promise<QueueResult> => {
    const { sha256 } = job.data;
    io.progress.log('info', 'job.start', { sha256, attempt: job.attemptsMade + 1, worker: s.workerName });
    let t0 = Date.now();
    const blobPath = join(tmp, sha256);
    const outPath = `${blobPath}.json`;
    try {
      blobBase ??= await connection.get(blobUrlKey(KEY_PREFIX, queue));
      if (!blobBase) throw new PipelineError('queue.no_coordinator', 'no coordinator is serving raw bytes for this queue', { retryable: true });
      const bytes = await fetchBlob(blobBase, sha256, { token: s.token, timeoutMs: FETCH_TIMEOUT_MS }).catch((e: unknown) => {
        blobBase = null;
        throw e;
      });
      writeFileSync(blobPath, bytes);
      t0 = Date.now(); // as in a local run, a failure's time is the extraction's, not the transfer's
      const done = await pool.run({ sha256, blobPath, outPath, fileName: job.data.fileName, contentType: job.data.contentType });
      const result: QueueResult = { ok: true, worker: s.workerName, extractorVersion: EXTRACTOR_VERSION, done, modelGz: encodeModel(readFileSync(outPath, 'utf8')) };
      stats.done++;
      io.progress.log('info', 'job.done', { sha256, format: done.format, ms: done.ms, worker: s.workerName });
      return result;
    } catch (e) {
      if (e instanceof ConfigError) {
        stats.fatal = e.message;
        stop.abort();
      }
      // The machinery failed (bytes not reachable, our own shutdown): the queue tries the job again.
      if (isJobFailure(e)) throw e;
      stats.failed++;
      io.progress.log('warning', 'job.done', { sha256, failed: true, code: errorCode(e), message: (e as Error).message, worker: s.workerName });
      return { ok: false, worker: s.workerName, extractorVersion: EXTRACTOR_VERSION, ms: Date.now() - t0, error: jobError(e) };
    } finally {
      rmSync(blobPath, { force: true });
      rmSync(outPath, { force: true });
    }
  };

  const worker = new Worker<QueueJobData, QueueResult>(queue, processJob, {
    connection, prefix: KEY_PREFIX, name: s.workerName, concurrency: s.slots, autorun: false,
    lockDuration: s.lockDurationMs, stalledInterval: s.lockDurationMs, maxStalledCount: 2,
  });
  let lastError = 0;
  worker.on('error', (e) => {
    if (Date.now() - lastError < 30_000) return;
    lastError = Date.now();
    io.progress.log('warning', 'queue.error', { message: e.message, redis: redactUrl(s.redisUrl) });
  });
  worker.on('failed', (job, e) => {
    if (job) io.progress.log('warning', 'job.retry', { sha256: job.id, attempt: job.attemptsMade, message: e.message, worker: s.workerName });
  });
  try {
    const running = worker.run();
    await worker.waitUntilReady();
    io.progress.log('info', 'worker.ready', { queue, redis: redactUrl(s.redisUrl), worker: s.workerName, slots: s.slots });
    if (!stop.signal.aborted) await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    io.progress.log('info', 'worker.stopping', { worker: s.workerName, message: 'finishing the jobs in hand' });
    await worker.close();
    await running;
  } finally {
    io.signal.removeEventListener('abort', onAbort);
    await pool.close();
    connection.disconnect();
    rmSync(tmp, { recursive: true, force: true });
  }
  io.progress.log('info', 'worker.stop', { worker: s.workerName, done: stats.done, failed: stats.failed });
  return stats;
}

/** Failures of the machinery, not of the document: fetching the bytes, a refused token, our own shutdown. */
function isJobFailure(e: unknown): boolean {
  const code = errorCode(e);
  return code.startsWith('queue.') || code === 'worker.closed';
}
