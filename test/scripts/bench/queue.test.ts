import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queueRows, type QueueRun } from '../../../scripts/bench/sections/queue.ts';

const run = (mode: QueueRun['mode'], workers: number, extractMs: number, cpuMs: number | null = null): QueueRun => ({
  mode, workers, args: '', exitCode: 0, wallMs: extractMs + 2_000, documents: 0, extracted: 9, extractFailed: 1, parsed: 10,
  stageMs: { extract: extractMs, parse: 500 }, cpuMs, machineBusyCores: null, docMsSum: extractMs * workers - 1_000, docMsMax: 3_000,
});

test('queue bench rows: the fastest run per mode and worker count, the overhead of the queue against local', () => {
  const rows = queueRows({
    documents: 10,
    runs: [run('local', 1, 10_000), run('queue', 1, 10_400, 3_000), run('local', 1, 9_000), run('queue', 1, 12_000, 2_000),
      run('local', 2, 6_000), run('queue', 2, 5_700, 1_000)],
  });
  assert.equal(rows.length, 2);
  const [one, two] = rows;
  assert.equal(one!.localExtractMs, 9_000);
  assert.equal(one!.queueExtractMs, 10_400);
  assert.ok(Math.abs(one!.extractOverhead! - (10_400 / 9_000 - 1)) < 1e-9);
  assert.equal(one!.coordinatorCpuMsPerDoc, 300, 'CPU of the fastest queue run per document');
  assert.equal(one!.runs, 2);
  // Each run left its slots idle 1 s in all (stage × slots − work): no extra idle time per document in the queue.
  assert.equal(one!.localIdleMsPerDoc, 100);
  assert.equal(one!.queueIdleMsPerDoc, 100);
  assert.equal(one!.slotOverhead, 0);
  assert.ok(two!.extractOverhead! < 0, 'a queue run faster than the local one shows a negative overhead');
  assert.deepEqual(queueRows({ documents: 10, runs: [run('local', 3, 1_000)] }), [], 'no row without both modes');
});
