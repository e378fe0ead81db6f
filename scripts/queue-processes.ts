/**
 * Processes for the distributed mode's tests and bench: a throwaway redis-server (free port, temp dir, no
 * persistence, stopped by PID), `nianbao` CLI processes whose JSON log lines are collected, and waiting on
 * those lines.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../bin/nianbao.mjs', import.meta.url));
/** The shared token these processes use (a throwaway one: the servers listen on loopback only). */
export const TOKEN = 'test-token-0123456789abcdef';

export type LogLine = Record<string, unknown>;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** redis-server on a free loopback port; tries another port if that one was taken meanwhile. */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-redis-'));
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const ready = await new Promise<boolean>((resolve) => {
      let out = '';
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        out += d;
        if (out.includes('Ready to accept connections')) resolve(true);
      });
      child.once('exit', () => resolve(false));
      child.once('error', () => resolve(false));
    });
    if (ready) {
      return {
        url: `redis://127.0.0.1:${port}`,
        stop: async () => {
          await stopChild(child, 'SIGKILL');
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    if (attempt >= 2) throw new Error('redis-server did not start (is it installed? scripts/setup.sh installs it)');
  }
}

export interface CliProcess {
  child: ChildProcess;
  /** JSON log lines from stderr, as they came. */
  logs: LogLine[];
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
  /** Resolves with the first log line (past or future) that satisfies `pred`. */
  waitFor(pred: (l: LogLine) => boolean, what?: string): Promise<LogLine>;
}

export function nianbao(args: string[], env: NodeJS.ProcessEnv = {}): CliProcess {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, NIANBAO_LOG: 'json', NIANBAO_QUEUE_TOKEN: TOKEN, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const waiters: { pred: (l: LogLine) => boolean; resolve: (l: LogLine) => void }[] = [];
  let out = '';
  let err = '';
  let buf = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => {
    err = (err + d).slice(-50_000);
    buf += d;
    for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      let l: LogLine;
      try {
        l = JSON.parse(line) as LogLine;
      } catch {
        continue;
      }
      logs.push(l);
      for (const w of waiters.splice(0)) (w.pred(l) ? w.resolve(l) : waiters.push(w));
    }
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child, logs, exited, stdout: () => out, stderr: () => err,
    waitFor: (pred, what = 'a log line') => {
      const seen = logs.find(pred);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pred, resolve });
        void exited.then((code) => reject(new Error(`nianbao ${args[0]} exited (${code}) before ${what}: ${err.slice(-2000)}`)));
      });
    },
  };
}

/** Sends `signal`, then SIGKILL if the process has not exited within 15 s. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await gone;
  clearTimeout(t);
}

/**
 * A `nianbao worker` (one extraction process; a 2 s job lock by default) once it is connected to the queue.
 * `tmpDir` becomes its TMPDIR, so what a worker killed with SIGKILL leaves behind goes with that folder.
 */
export async function startWorker(redisUrl: string, name: string, o: { lockSec?: number; tmpDir?: string } = {}): Promise<CliProcess> {
  const w = nianbao(['worker', '--queue', redisUrl, '--workers', '1', '--name', name, '--lock-duration', String(o.lockSec ?? 2)],
    o.tmpDir ? { TMPDIR: o.tmpDir } : {});
  await w.waitFor((l) => l.event === 'worker.ready', 'worker.ready');
  return w;
}
