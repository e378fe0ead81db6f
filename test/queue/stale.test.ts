/**
 * Jobs a coordinator finds in Redis from before its run: one whose retries ran out while no coordinator was up
 * is enqueued again (not recorded as the document's failure); a result made for other hints is not used.
 * Coordinator and worker run in this process (the worker still extracts in its own worker processes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { addDocument, tempStore } from '../store/fixture-db.ts';
import { quietIo, seed, SEED_A, SEED_B, testConfig } from '../pipeline/helpers.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { EXTRACTOR_VERSION } from '../../src/pipeline/context.ts';
import { queueExtractStage } from '../../src/queue/coordinator.ts';
import { runQueueWorker } from '../../src/queue/worker.ts';
import { KEY_PREFIX, queueName } from '../../src/queue/options.ts';
import { encodeModel, type QueueJobData, type QueueResult } from '../../src/queue/protocol.ts';
import { startRedis, TOKEN } from '../../scripts/queue-processes.ts';
import { createProgress } from '../../src/pipeline/progress.ts';

test('stale jobs from before the run: run-out retries are enqueued again, results for other hints are redone', { timeout: 3 * 60_000 }, async (t) => {
  const redis = await startRedis();
  const store = tempStore();
  t.after(() => redis.stop());
  t.after(() => store.cleanup());
  const a = addDocument(store, seed(SEED_A), { url: 'http://127.0.0.1/a/report.txt' });
  const b = addDocument(store, seed(SEED_B), { url: 'http://127.0.0.1/b/report.txt' });
  store.db.close();
  const target = { redisUrl: redis.url, name: 'stale', token: TOKEN };
  const name = queueName(target.name, EXTRACTOR_VERSION);

  // Left by an earlier run: a's job failed (no coordinator to fetch from), b's result was made for another file name.
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue<QueueJobData, QueueResult>(name, { connection, prefix: KEY_PREFIX });
  await queue.add('extract', { sha256: a, extractorVersion: EXTRACTOR_VERSION, fileName: 'report.txt', contentType: 'text/plain; charset=utf-8' }, { jobId: a, attempts: 1 });
  await queue.add('extract', { sha256: b, extractorVersion: EXTRACTOR_VERSION, fileName: 'other.doc' }, { jobId: b, attempts: 1 });
  const bogus: QueueResult = {
    ok: true, worker: 'old', extractorVersion: EXTRACTOR_VERSION, modelGz: encodeModel('{"format":"doc","blocks":[]}'),
    done: { format: 'doc', pages: 1, ocr: false, warnings: [], modelBytes: 28, ms: 1 },
  };
  const oldConnection = connection.duplicate();
  const old = new Worker<QueueJobData, QueueResult>(name, async (job) => {
    if (job.id === a) throw new Error('cannot fetch http://127.0.0.1:1/blobs/…: ECONNREFUSED');
    return bogus;
  }, { connection: oldConnection, prefix: KEY_PREFIX });
  await new Promise<void>((resolve) => {
    let n = 0;
    const done = () => ++n === 2 && resolve();
    old.on('failed', done).on('completed', done);
  });
  await old.close();
  oldConnection.disconnect();
  assert.deepEqual(await queue.getJobCounts('failed', 'completed'), { failed: 1, completed: 1 });
  await new Promise((r) => setTimeout(r, 5)); // the run starts after those jobs finished

  const stopWorker = new AbortController();
  const worker = runQueueWorker({ ...target, workerName: 'fresh', slots: 1, extractTimeoutSec: 120, lockDurationMs: 30_000 },
    { progress: createProgress('quiet'), signal: stopWorker.signal });
  let s;
  try {
    const remote = queueExtractStage({ ...target, listenHost: '127.0.0.1', listenPort: 0, idleTimeoutSec: 120, redisDownSec: 30 });
    s = await runPipeline(testConfig(store), { command: 'run', extract: { remote }, parse: {} }, quietIo());
  } finally {
    stopWorker.abort();
    await worker;
  }
  assert.deepEqual(s.failedByReason, {}, 'the run-out job is not recorded as a failure');
  assert.equal(s.extract?.ok, 2);
  assert.deepEqual(s.extract?.byWorker, { fresh: 2 }, 'both redone by the current worker');
  assert.equal(s.store.reports.ok, 2);
  assert.deepEqual(await queue.getJobCounts('failed', 'completed', 'waiting', 'active'), { failed: 0, completed: 0, waiting: 0, active: 0 }, 'nothing left in Redis');
  await queue.close();
  connection.disconnect();
});
