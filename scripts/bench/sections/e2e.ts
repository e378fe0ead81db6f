/**
 * End to end: `nianbao run` (a child process, as cron runs it) against the fixture site in another process;
 * then the extraction scaling: one crawled data folder copied per worker count, and
 * `nianbao run --no-crawl --no-export --workers N` on each copy, so every N extracts the same documents.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool } from '../../../extractors/run-tool.ts';
import type { RunSummary } from '../../../src/pipeline/summary.ts';
import { startSiteProcess } from '../site-process.ts';

const BIN = fileURLToPath(new URL('../../../bin/nianbao.mjs', import.meta.url));

export interface E2eParams {
  maxPerFormat: number;
  workers: number[];
  timeoutMs: number;
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
}

export interface E2eResult {
  reportsOnSite: number;
  full: E2eRun;
  scaling: E2eRun[];
}

async function nianbao(args: string[], timeoutMs: number): Promise<{ code: number | null; wallMs: number; stdout: string }> {
  const t0 = performance.now();
  const r = await runTool(process.execPath, [BIN, ...args], {
    tool: 'nianbao', timeoutMs, maxOutputBytes: 16 * 1024 * 1024, timeoutCode: 'bench.timeout',
    env: { ...process.env, NIANBAO_LOG: 'quiet' },
  });
  return { code: r.code, wallMs: performance.now() - t0, stdout: r.stdout.toString('utf8') };
}

function runOf(args: string[], workers: number, r: { code: number | null; wallMs: number; stdout: string }): E2eRun {
  const s = JSON.parse(r.stdout) as RunSummary;
  return {
    args: args.filter((a) => !a.startsWith('/')).join(' '), workers, exitCode: r.code, wallMs: r.wallMs,
    documents: s.crawl?.documents ?? 0, extracted: s.extract?.ok ?? 0, extractFailed: s.extract?.failed ?? 0,
    parsed: s.parse?.parsed ?? 0, stageMs: s.stageMs,
  };
}

export async function e2eTask(p: E2eParams, log: (s: string) => void): Promise<E2eResult> {
  const site = await startSiteProcess({ maxPerFormat: p.maxPerFormat });
  const root = mkdtempSync(join(tmpdir(), 'nianbao-bench-e2e-'));
  try {
    const cores = availableParallelism();
    const fullArgs = ['run', '--sites', site.info.sitesFile, '--data-dir', join(root, 'full'), '--json', '--workers', String(cores)];
    const full = runOf(fullArgs, cores, await nianbao(fullArgs, p.timeoutMs));
    log(`e2e: nianbao run: ${full.extracted + full.extractFailed} documents in ${(full.wallMs / 1000).toFixed(1)} s`);

    const base = join(root, 'base');
    const crawled = await nianbao(['crawl', '--sites', site.info.sitesFile, '--data-dir', base, '--quiet', '--json'], p.timeoutMs);
    if (crawled.code !== 0 && crawled.code !== 1) throw new Error(`nianbao crawl exited ${crawled.code}`);
    const scaling: E2eRun[] = [];
    for (const n of p.workers) {
      const dir = join(root, `w${n}`);
      cpSync(base, dir, { recursive: true });
      const args = ['run', '--no-crawl', '--no-export', '--data-dir', dir, '--json', '--workers', String(n)];
      const run = runOf(args, n, await nianbao(args, p.timeoutMs));
      scaling.push(run);
      rmSync(dir, { recursive: true, force: true });
      log(`e2e: --workers ${n}: extract ${((run.stageMs.extract ?? 0) / 1000).toFixed(1)} s for ${run.extracted + run.extractFailed} documents`);
    }
    return { reportsOnSite: site.info.reports, full, scaling };
  } finally {
    await site.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
