import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from '../../src/pipeline/worker-pool.ts';
import { ExtractionTimeoutError, PipelineError } from '../../src/model/errors.ts';

const SCRIPT = fileURLToPath(new URL('../fixtures/pipeline/test-worker.ts', import.meta.url));
type Job = { ms: number; fail?: boolean; crash?: boolean; value?: string };
type Out = { value?: string; pid: number };

test('jobs run in worker processes, errors keep their code, a slow job is killed, the pool goes on', async (t) => {
  const pool = new WorkerPool<Job, Out>({ script: SCRIPT, size: 2, timeoutMs: 3000 });
  t.after(() => pool.close());
  const results = await Promise.allSettled([
    pool.run({ ms: 1, value: 'a' }),
    pool.run({ ms: 60_000, value: 'slow' }),
    pool.run({ ms: 1, fail: true, value: 'b' }),
    pool.run({ ms: 1, crash: true }),
    pool.run({ ms: 1, value: 'c' }),
  ]);
  const [a, slow, bad, crash, c] = results;
  assert.equal(a.status === 'fulfilled' && a.value.value, 'a');
  assert.notEqual(a.status === 'fulfilled' && a.value.pid, process.pid, 'ran in another process');
  assert.ok(slow.status === 'rejected' && slow.reason instanceof ExtractionTimeoutError);
  assert.equal(slow.status === 'rejected' && slow.reason.code, 'extract.timeout');
  assert.ok(bad.status === 'rejected' && bad.reason instanceof PipelineError);
  assert.equal(bad.status === 'rejected' && bad.reason.code, 'test.bad');
  assert.equal(crash.status === 'rejected' && crash.reason.code, 'worker.crashed');
  assert.equal(c.status === 'fulfilled' && c.value.value, 'c');
});

test('workers are recycled after maxJobsPerWorker, and close() fails what is queued', async () => {
  const pool = new WorkerPool<Job, Out>({ script: SCRIPT, size: 1, timeoutMs: 10_000, maxJobsPerWorker: 1 });
  const first = await pool.run({ ms: 1 });
  const second = await pool.run({ ms: 1 });
  assert.notEqual(first.pid, second.pid);
  const running = pool.run({ ms: 60_000 });
  const queued = pool.run({ ms: 1 });
  const checks = [running, queued].map((p) => assert.rejects(p, (e: PipelineError) => e.code === 'worker.closed'));
  await pool.close();
  await Promise.all(checks);
  assert.equal(pool.size, 0);
});

test('a job past the memory ceiling fails with extract.too_much_memory, and the pool goes on', async (t) => {
  const pool = new WorkerPool<Job & { allocMb?: number }, Out>({ script: SCRIPT, size: 1, timeoutMs: 60_000, maxRssMb: 300 });
  t.after(() => pool.close());
  await assert.rejects(pool.run({ ms: 30_000, allocMb: 400 }), (e: PipelineError) => e.code === 'extract.too_much_memory' && /limit 300 MB/.test(e.message));
  assert.equal((await pool.run({ ms: 1, value: 'after' })).value, 'after');
});
