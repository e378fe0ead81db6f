/**
 * End to end: `nianbao run` (a child process, as cron runs it) against the fixture site in another process.
 * Then worker scaling: one data folder per document set (the crawled fixture site; the bench's sample files in
 * every format), copied per worker count, and `nianbao run --no-crawl --no-export --workers N` on each copy,
 * so every N extracts the same documents, in interleaved rounds. Per-document extraction times come from the `extractions` table:
 * their sum (the work) and maximum (no worker count can finish before the longest document) explain the speedup.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../../../extractors/run-tool.ts';
import type { RunSummary } from '../../../src/pipeline/summary.ts';
import { openDb } from '../../../src/store/db.ts';
import { busyShare, machineCpu } from '../proc-tree.ts';
import { startSiteProcess } from '../site-process.ts';
import { seedStore } from './seed-store.ts';

const BIN = fileURLToPath(new URL('../../../bin/nianbao.mjs', import.meta.url));

export interface E2eParams {
  maxPerFormat: number;
  workers: number[];
  /** Rounds over the worker counts (interleaved: 1, 2, 4, 1, 2, 4): the fastest run per count is reported. */
  rounds: number;
  timeoutMs: number;
  /** Sample files for the second scaling set (any formats). */
  sampleFiles: string[];
}

export interface E2eRun {
  args: string;
  workers: number;
  exitCode: number | null;
  wallMs: number;
  documents: number;
  extracted: number;
  extractFailed: number;
  parsed: number;
  stageMs: Record<string, number>;
  /** Sum and maximum of the per-document extraction times recorded by the workers, ms. */
  docMsSum?: number;
  docMsMax?: number;
  /** CPU of the run's whole process tree, ms (null without GNU time). */
  cpuMs: number | null;
  /** Cores the whole machine kept busy during the run: ours plus other work (null without /proc). */
  machineBusyCores: number | null;
}

export interface ScalingSet {
  name: string;
  runs: E2eRun[];
}

export interface E2eResult {
  reportsOnSite: number;
  full: E2eRun;
  scaling: ScalingSet[];
}

export interface CliRun {
  code: number | null;
  wallMs: number;
  stdout: string;
  /** User + system CPU of the command and every process below it (GNU time), ms. */
  cpuMs: number | null;
  /** Cores the whole machine kept busy on average during the command (ours and everyone else's). */
  machineBusyCores: number | null;
}

const GNU_TIME = '/usr/bin/time';

/** Runs the CLI; under GNU time when present, for the CPU time of its whole process tree. */
export async function nianbao(args: string[], timeoutMs: number, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const timed = existsSync(GNU_TIME);
  const [cmd, argv] = timed ? [GNU_TIME, ['-f', '@@cpu %U %S', process.execPath, BIN, ...args]] : [process.execPath, [BIN, ...args]];
  const cpu0 = machineCpu();
  const t0 = performance.now();
  const r = await runTool(cmd, argv, {
    tool: 'nianbao', timeoutMs, maxOutputBytes: 16 * 1024 * 1024, timeoutCode: 'bench.timeout',
    env: { ...process.env, NIANBAO_LOG: 'quiet', ...env },
  });
  const wallMs = performance.now() - t0;
  const busy = busyShare(cpu0, machineCpu());
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return {
    code: r.code, wallMs, stdout: r.stdout.toString('utf8'), cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : null,
    machineBusyCores: busy == null ? null : busy * availableParallelism(),
  };
}

export function runOf(args: string[], workers: number, r: CliRun): E2eRun {
  let s: RunSummary;
  try {
    s = JSON.parse(r.stdout) as RunSummary;
  } catch {
    throw new Error(`nianbao ${args.join(' ')} exited ${r.code} without a JSON summary`);
  }
  return {
    args: args.filter((a) => !a.startsWith('/')).join(' '), workers, exitCode: r.code, wallMs: r.wallMs,
    documents: s.crawl?.documents ?? 0, extracted: s.extract?.ok ?? 0, extractFailed: s.extract?.failed ?? 0,
    parsed: s.parse?.parsed ?? 0, stageMs: s.stageMs, cpuMs: r.cpuMs, machineBusyCores: r.machineBusyCores,
  };
}

export function docTimes(dataDir: string): { sum: number; max: number } {
  const db = openDb(join(dataDir, 'nianbao.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT coalesce(sum(ms), 0) AS sum, coalesce(max(ms), 0) AS max FROM extractions').get() as { sum: number; max: number };
  } finally {
    db.close();
  }
}

async function scale(name: string, base: string, root: string, p: E2eParams, log: (s: string) => void): Promise<ScalingSet> {
  const runs: E2eRun[] = [];
  for (const n of Array.from({ length: p.rounds }, () => p.workers).flat()) {
    const dir = join(root, `${name.replace(/\W+/g, '-')}-w${n}`);
    cpSync(base, dir, { recursive: true });
    const args = ['run', '--no-crawl', '--no-export', '--data-dir', dir, '--json', '--workers', String(n)];
    const run = runOf(args, n, await nianbao(args, p.timeoutMs));
    const t = docTimes(dir);
    runs.push({ ...run, docMsSum: t.sum, docMsMax: t.max });
    rmSync(dir, { recursive: true, force: true });
    log(`e2e ${name}: --workers ${n}: extract ${((run.stageMs.extract ?? 0) / 1000).toFixed(1)} s for ${run.extracted + run.extractFailed} documents`);
  }
  return { name, runs };
}

export async function e2eTask(p: E2eParams, log: (s: string) => void): Promise<E2eResult> {
  const site = await startSiteProcess({ maxPerFormat: p.maxPerFormat });
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-e2e-'));
  try {
    const cores = availableParallelism();
    const fullArgs = ['run', '--sites', site.info.sitesFile, '--data-dir', join(root, 'full'), '--json', '--workers', String(cores)];
    const full = runOf(fullArgs, cores, await nianbao(fullArgs, p.timeoutMs));
    log(`e2e: nianbao run: ${full.extracted + full.extractFailed} documents in ${(full.wallMs / 1000).toFixed(1)} s`);
    rmSync(join(root, 'full'), { recursive: true, force: true });

    const crawled = join(root, 'crawled');
    const c = await nianbao(['crawl', '--sites', site.info.sitesFile, '--data-dir', crawled, '--quiet', '--json'], p.timeoutMs);
    if (c.code !== 0 && c.code !== 1) throw new Error(`nianbao crawl exited ${c.code}`);
    const scaling = [await scale('fixture site', crawled, root, p, log)];
    if (p.sampleFiles.length) {
      const seeded = join(root, 'samples');
      seedStore(seeded, p.sampleFiles);
      scaling.push(await scale('bench samples', seeded, root, p, log));
    }
    return { reportsOnSite: site.info.reports, full, scaling };
  } finally {
    await site.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
