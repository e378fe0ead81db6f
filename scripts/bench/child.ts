/**
 * Runs one bench task in a fresh Node process (through tsx), so its peak RSS is its own: the child reports
 * its `maxRSS`; the parent samples the RSS of the child's whole process tree (converters, OCR) and keeps the
 * peak. Parameters go in as JSON (env BENCH_PARAMS); the result comes back as the last `@@bench ` line on stdout.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RssSampler } from './proc-tree.ts';

export const RESULT_PREFIX = '@@bench ';
const RUNNER = fileURLToPath(new URL('./task-runner.ts', import.meta.url));
const MAX_STDOUT = 32 * 1024 * 1024;

export interface ChildOutcome<T> {
  result: T;
  /** Peak RSS of the child's own Node process (getrusage), bytes. */
  maxRss: number;
  /** Peak RSS of the child and its descendants, sampled every 100 ms, bytes. */
  peakTreeRss: number | null;
  wallMs: number;
}

export class BenchChildError extends Error {
  override name = 'BenchChildError';
}

/** Picks the result line out of a child's stdout (pure). */
export function resultLine(stdout: string): unknown {
  const line = stdout.split('\n').reverse().find((l) => l.startsWith(RESULT_PREFIX));
  if (!line) throw new BenchChildError('the bench child printed no result line');
  return JSON.parse(line.slice(RESULT_PREFIX.length));
}

export interface ChildOptions {
  timeoutMs: number;
  /** Extra node flags, e.g. --expose-gc. */
  nodeFlags?: string[];
}

/** Runs task `name` (a key of TASKS in task-runner.ts) with `params`; stderr passes through (progress). */
export function runTask<T>(name: string, params: unknown, o: ChildOptions): Promise<ChildOutcome<T>> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...(o.nodeFlags ?? []), '--import', 'tsx', RUNNER, name], {
      env: { ...process.env, BENCH_PARAMS: JSON.stringify(params) }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    const sampler = new RssSampler(child.pid ?? 0);
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      if (stdout.length < MAX_STDOUT) stdout += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      sampler.stop();
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const peakTreeRss = sampler.stop();
      const wallMs = performance.now() - t0;
      if (code !== 0) {
        reject(new BenchChildError(`bench task ${name} exited ${code ?? signal}${signal === 'SIGKILL' ? ` (time limit ${o.timeoutMs} ms)` : ''}`));
        return;
      }
      try {
        const { result, maxRss } = resultLine(stdout) as { result: T; maxRss: number };
        resolve({ result, maxRss, peakTreeRss: peakTreeRss == null ? null : Math.max(peakTreeRss, maxRss), wallMs });
      } catch (e) {
        reject(e);
      }
    });
  });
}
