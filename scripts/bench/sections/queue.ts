/**
 * The distributed mode against the local one, on this machine: for 1, 2 and 3 workers, `nianbao run
 * --no-crawl --no-export --workers N` (local worker processes) and `nianbao run --queue` with N fresh
 * `nianbao worker --workers 1` processes on a throwaway redis-server, each on its own copy of one data
 * folder (the bench samples, every format), in interleaved rounds (local first, then queue first). The point on one machine is the queue's
 * overhead at the same worker count; the fastest run per mode and count is reported.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRedis, startWorker, stopChild, TOKEN } from '../../queue-processes.ts';
import { docTimes, nianbao, runOf, type E2eRun } from './e2e.ts';
import { seedStore } from './seed-store.ts';

export interface QueueParams {
  workers: number[];
  rounds: number;
  timeoutMs: number;
  sampleFiles: string[];
}

export interface QueueRun extends E2eRun {
  mode: 'local' | 'queue';
}

export interface QueueResult {
  documents: number;
  runs: QueueRun[];
}

export async function queueTask(p: QueueParams, log: (s: string) => void): Promise<QueueResult> {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-queue-'));
  const redis = await startRedis();
  try {
    const base = join(root, 'base');
    const documents = seedStore(base, p.sampleFiles);
    const runs: QueueRun[] = [];
    for (const [round, n] of Array.from({ length: p.rounds }, (_, r) => p.workers.map((w) => [r, w] as const)).flat()) {
      // The order alternates per round, so a machine load that rises or falls over time favours neither mode.
      for (const mode of round % 2 === 0 ? ['local', 'queue'] as const : ['queue', 'local'] as const) {
        const dir = join(root, `${mode}-w${n}`);
        cpSync(base, dir, { recursive: true });
        const args = ['run', '--no-crawl', '--no-export', '--json', '--data-dir', dir,
          ...(mode === 'local' ? ['--workers', String(n)] : ['--queue', redis.url])];
        // Fresh workers per run (no warm extraction processes left from an earlier run); started before the clock.
        const workers = mode === 'queue' ? await Promise.all(Array.from({ length: n }, (_, i) => startWorker(redis.url, `bench-${n}-${i + 1}`, { lockSec: 30, tmpDir: root }))) : [];
        try {
          const run = runOf(args, n, await nianbao(args, p.timeoutMs, { NIANBAO_QUEUE_TOKEN: TOKEN }));
          const t = docTimes(dir);
          runs.push({ ...run, mode, docMsSum: t.sum, docMsMax: t.max });
          log(`queue: ${mode} ${n} worker(s): extract ${((run.stageMs.extract ?? 0) / 1000).toFixed(1)} s, run ${(run.wallMs / 1000).toFixed(1)} s for ${run.extracted + run.extractFailed} documents`);
        } finally {
          await Promise.all(workers.map((w) => stopChild(w.child)));
          rmSync(dir, { recursive: true, force: true });
        }
      }
    }
    return { documents, runs };
  } finally {
    await redis.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

export interface QueueRow {
  workers: number;
  documents: number;
  runs: number;
  localExtractMs: number;
  queueExtractMs: number;
  /** queue / local − 1, on the extract stage. */
  extractOverhead: number | null;
  localRunMs: number;
  queueRunMs: number;
  runOverhead: number | null;
  /**
   * Time the extraction slots spent not extracting, per document: (stage time × slots − the work, i.e. the
   * sum of the per-document extraction times) / documents. Each run's own work is taken out, so the machine's
   * other load, which slows the extractions themselves, mostly cancels; what is left is dispatch, transport
   * and waiting.
   */
  localIdleMsPerDoc: number | null;
  queueIdleMsPerDoc: number | null;
  /** The queue's extra idle slot time as a share of the queue run's work. */
  slotOverhead: number | null;
  /** CPU of the coordinator process per document (the queue run's own process tree: no extraction in it). */
  coordinatorCpuMsPerDoc: number | null;
  localDocsPerSec: number | null;
  queueDocsPerSec: number | null;
}

/** One row per worker count: the fastest local and queue run (pure). */
export function queueRows(r: QueueResult): QueueRow[] {
  const extractMs = (x: QueueRun) => x.stageMs.extract ?? 0;
  const best = (mode: QueueRun['mode'], n: number) =>
    r.runs.filter((x) => x.mode === mode && x.workers === n).sort((a, b) => extractMs(a) - extractMs(b))[0];
  const counts = [...new Set(r.runs.map((x) => x.workers))].sort((a, b) => a - b);
  return counts.flatMap((n) => {
    const l = best('local', n);
    const q = best('queue', n);
    if (!l || !q) return [];
    const docs = q.extracted + q.extractFailed;
    const idle = (x: QueueRun) => (x.docMsSum == null || !docs ? null : (extractMs(x) * Math.min(n, docs) - x.docMsSum) / docs);
    const li = idle(l);
    const qi = idle(q);
    return [{
      workers: n, documents: docs, runs: r.runs.filter((x) => x.workers === n && x.mode === 'queue').length,
      localExtractMs: extractMs(l), queueExtractMs: extractMs(q), extractOverhead: extractMs(l) ? extractMs(q) / extractMs(l) - 1 : null,
      localRunMs: l.wallMs, queueRunMs: q.wallMs, runOverhead: l.wallMs ? q.wallMs / l.wallMs - 1 : null,
      localIdleMsPerDoc: li, queueIdleMsPerDoc: qi,
      slotOverhead: li == null || qi == null || !q.docMsSum ? null : ((qi - li) * docs) / q.docMsSum,
      coordinatorCpuMsPerDoc: q.cpuMs == null || !docs ? null : q.cpuMs / docs,
      localDocsPerSec: extractMs(l) ? (l.extracted + l.extractFailed) / (extractMs(l) / 1000) : null,
      queueDocsPerSec: extractMs(q) ? docs / (extractMs(q) / 1000) : null,
    }];
  });
}
