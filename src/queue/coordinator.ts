/**
 * `nianbao run --queue`: the extract stage on `nianbao worker` processes. Every pending content becomes a
 * job (id = sha256, so a job already queued, running or finished by an earlier run is not added twice);
 * the coordinator serves the raw bytes over HTTP and collects finished jobs: it writes the document model,
 * records the extraction exactly as a local run does (it stays the only writer of the database), then
 * removes the job. Results left in Redis by a coordinator that died are collected by the next run; jobs
 * whose retries ran out while no coordinator was up are enqueued again. Nothing is stored twice: a job
 * whose content is no longer pending is only removed.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { BadDocumentError, ConfigError } from '../model/errors.ts';
import type { StageContext } from '../pipeline/context.ts';
import {
  fileNameOf, recordExtracted, recordExtractFailure, type ExtractStageOptions, type ExtractStats,
} from '../pipeline/extract-stage.ts';
import { extractedPath, pendingExtractions, type PendingExtraction } from '../store/extractions.ts';
import { startBlobServer } from './blob-server.ts';
import { QueueUnavailableError } from './errors.ts';
import { advertisedUrl, KEY_PREFIX, queueName, redactUrl, type CoordinatorSettings } from './options.ts';
import { blobUrlKey, decodeModel, errorFromResult, failedJobError, JOB_NAME, type QueueJobData, type QueueResult } from './protocol.ts';
import { redisConnection } from './redis.ts';

type QJob = Job<QueueJobData, QueueResult>;

const BATCH = 200;
const POLL_MS = 200;
const WORKER_CHECK_MS = 15_000;
/** Fetch retries of a job (the coordinator restarting): 1 s, 2 s, 4 s … about two minutes in all. */
const JOB_OPTIONS = { attempts: 8, backoff: { type: 'exponential', delay: 1_000 }, removeOnComplete: false, removeOnFail: false } as const;

/** The `remote` extract stage for `nianbao run --queue` (see ExtractStageOptions.remote). */
export function queueExtractStage(settings: CoordinatorSettings): (ctx: StageContext, options: ExtractStageOptions) => Promise<ExtractStats> {
  return async (ctx, options) => {
    const started = Date.now();
    const pending = pendingExtractions(ctx.db, ctx.extractorVersion, options);
    const stats: ExtractStats = { pending: pending.length, ok: 0, failed: 0, notStarted: 0, failedByReason: {}, ms: 0, crashStreak: 0, byWorker: {} };
    ctx.progress.stageStart('extract', pending.length);
    const todo = new Map<string, PendingExtraction>();
    for (const p of pending) {
      if (ctx.blobs.has(p.sha256)) todo.set(p.sha256, p);
      else recordExtractFailure(ctx, p, new BadDocumentError('blob.missing', `raw bytes ${p.sha256} are not in the blob store`), 0, stats);
    }
    if (todo.size > 0) await new Collector(ctx, settings, todo, stats, started).run();
    stats.notStarted = todo.size;
    stats.ms = Date.now() - started;
    ctx.progress.stageEnd('extract', { ok: stats.ok, failed: stats.failed, notStarted: stats.notStarted, ms: stats.ms, byWorker: stats.byWorker });
    return stats;
  };
}

function jobData(ctx: StageContext, p: PendingExtraction): QueueJobData {
  const fileName = fileNameOf(p);
  return {
    sha256: p.sha256, extractorVersion: ctx.extractorVersion,
    ...(fileName ? { fileName } : {}), ...(p.contentType ? { contentType: p.contentType } : {}),
  };
}

/** A Redis command failed (the loop waits for Redis to come back, up to redisDownSec). */
class RedisOpError extends Error {}

async function redis<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    throw new RedisOpError((e as Error).message, { cause: e });
  }
}

class Collector {
  private readonly queueName: string;
  private readonly connection: Redis;
  private readonly queue: Queue<QueueJobData, QueueResult>;
  private lastResult = Date.now();
  private lastRedisOk = Date.now();
  private lastWorkerCheck = 0;

  constructor(
    private readonly ctx: StageContext,
    private readonly s: CoordinatorSettings,
    private readonly todo: Map<string, PendingExtraction>,
    private readonly stats: ExtractStats,
    private readonly started: number,
  ) {
    this.queueName = queueName(s.name, ctx.extractorVersion);
    this.connection = redisConnection(s.redisUrl, { blocking: false, name: 'nianbao-coordinator' });
    this.queue = new Queue<QueueJobData, QueueResult>(this.queueName, { connection: this.connection, prefix: KEY_PREFIX });
    this.queue.on('error', () => undefined);
  }

  async run(): Promise<void> {
    const { listenHost: host, listenPort: port } = this.s;
    const server = await startBlobServer(this.ctx.blobs, { host, port, token: this.s.token }).catch((e: Error) => {
      throw new ConfigError('queue.listen', `--queue-listen ${host}:${port}: cannot serve the raw bytes there: ${e.message}`, { cause: e });
    });
    const urlKey = blobUrlKey(KEY_PREFIX, this.queueName);
    try {
      const blobUrl = advertisedUrl(this.s, this.s.listenHost, server.port);
      let enqueued: true | undefined;
      while (!enqueued && !this.ctx.signal.aborted) {
        enqueued = await this.guard(async () => {
          await redis(() => this.connection.set(urlKey, blobUrl));
          await this.enqueue([...this.todo.values()]);
          return true as const;
        });
      }
      this.ctx.progress.log('info', 'queue.start', { queue: this.queueName, redis: redactUrl(this.s.redisUrl), blobs: blobUrl, jobs: this.todo.size });
      while (this.todo.size > 0 && !this.ctx.signal.aborted) {
        const handled = await this.guard(() => this.drain());
        if (!handled) await this.idle();
      }
    } finally {
      await server.close();
      await this.connection.del(urlKey).catch(() => undefined);
      await this.queue.close().catch(() => undefined);
      this.connection.disconnect();
    }
  }

  private async enqueue(items: PendingExtraction[]): Promise<void> {
    for (let i = 0; i < items.length; i += 1000) {
      const chunk = items.slice(i, i + 1000).map((p) => ({ name: JOB_NAME, data: jobData(this.ctx, p), opts: { ...JOB_OPTIONS, jobId: p.sha256 } }));
      await redis(() => this.queue.addBulk(chunk));
    }
  }

  /** Runs Redis work; while Redis is unreachable, waits (up to redisDownSec, then QueueUnavailableError). */
  private async guard<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      const r = await work();
      this.lastRedisOk = Date.now();
      return r;
    } catch (e) {
      if (!(e instanceof RedisOpError)) throw e;
      const downMs = Date.now() - this.lastRedisOk;
      if (downMs > this.s.redisDownSec * 1000) {
        throw new QueueUnavailableError('queue.lost', `Redis at ${redactUrl(this.s.redisUrl)} unreachable for ${Math.round(downMs / 1000)} s: ${e.message}; ` +
          `${this.todo.size} documents left for the next run`, { cause: e });
      }
      this.ctx.progress.log('warning', 'queue.redis_error', { message: e.message });
      await this.sleep(1_000);
      return undefined;
    }
  }

  /** Collects finished jobs; returns how many it handled. */
  private async drain(): Promise<number> {
    let handled = 0;
    for (const state of ['completed', 'failed'] as const) {
      const jobs = (await redis(() => this.queue.getJobs([state], 0, BATCH - 1, true))) as (QJob | undefined)[];
      for (const job of jobs) {
        if (!job?.id) continue;
        await this.collect(job, state);
        handled++;
      }
    }
    if (handled) this.lastResult = Date.now();
    return handled;
  }

  private async collect(job: QJob, state: 'completed' | 'failed'): Promise<void> {
    const p = this.todo.get(job.id!);
    // Stored already (by a coordinator killed before it removed the job), or no longer wanted: only remove it.
    if (!p) return void (await redis(() => job.remove()));
    const r = job.returnvalue;
    const stale = state === 'failed'
      ? (job.finishedOn ?? 0) < this.started // retries ran out before this run: the coordinator was away
      : r?.extractorVersion !== this.ctx.extractorVersion || JSON.stringify(job.data) !== JSON.stringify(jobData(this.ctx, p));
    if (stale) {
      await redis(() => job.remove());
      await this.enqueue([p]);
      return;
    }
    if (state === 'failed') {
      recordExtractFailure(this.ctx, p, failedJobError(job.failedReason), 0, this.stats, { worker: job.processedBy });
    } else if (r.ok) {
      const path = extractedPath(this.ctx.config.extractedDir, p.sha256, this.ctx.extractorVersion);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(`${path}.${process.pid}.tmp`, decodeModel(r.modelGz));
      renameSync(`${path}.${process.pid}.tmp`, path);
      recordExtracted(this.ctx, p, r.done, this.stats, { worker: r.worker });
    } else {
      recordExtractFailure(this.ctx, p, errorFromResult(r.error), r.ms, this.stats, { worker: r.worker });
    }
    const who = state === 'completed' ? r.worker : job.processedBy ?? '(none)';
    this.stats.byWorker![who] = (this.stats.byWorker![who] ?? 0) + 1;
    this.todo.delete(p.sha256);
    await redis(() => job.remove());
  }

  /** Nothing finished: wait a little; warn while no worker is connected, and give up after idleTimeoutSec. */
  private async idle(): Promise<void> {
    const now = Date.now();
    if (now - this.lastWorkerCheck >= WORKER_CHECK_MS) {
      this.lastWorkerCheck = now;
      const workers = await this.guard(() => redis(() => this.queue.getWorkersCount()));
      if (workers === 0) {
        const idleSec = Math.round((now - this.lastResult) / 1000);
        if (idleSec > this.s.idleTimeoutSec) {
          throw new QueueUnavailableError('queue.no_workers', `no \`nianbao worker\` served queue ${this.queueName} and no result came for ` +
            `${idleSec} s; ${this.todo.size} documents stay queued for the next run`);
        }
        this.ctx.progress.log('warning', 'queue.no_workers', {
          queue: this.queueName, waiting: this.todo.size, message: `start \`nianbao worker --queue ${redactUrl(this.s.redisUrl)}\` (same extractor version)`,
        });
      }
    }
    await this.sleep(POLL_MS);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      const signal = this.ctx.signal;
      function done(): void {
        clearTimeout(t);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
