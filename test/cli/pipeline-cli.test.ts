import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostname } from 'node:os';
import { addDocument, tempStore, type TestStore } from '../store/fixture-db.ts';
import { openDb } from '../../src/store/db.ts';
import { seed, SEED_A } from '../pipeline/helpers.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin/nianbao.mjs');

function cli(args: string[]): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NIANBAO_LOG: 'json' }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function cliSync(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, NIANBAO_LOG: 'json' }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const exited = (child: ChildProcess): Promise<number | null> => new Promise((r) => child.on('exit', (code) => r(code)));

/**
 * A `nianbao run` (one worker) over 120 small distinct documents (the seed with a numbered line appended),
 * so it takes a while; JSON logs on its stderr.
 */
function slowRun(t: { after(fn: () => void): void }): { store: TestStore; child: ChildProcess; done: Promise<number | null> } {
  const store = tempStore();
  t.after(() => store.cleanup());
  const base = seed(SEED_A).toString('utf8');
  for (let i = 0; i < 120; i++) addDocument(store, `${base}\n附：第${i}号\n`);
  store.db.close();
  const child = cli(['run', '--no-crawl', '--no-export', '--workers', '1', '--data-dir', store.dir]);
  return { store, child, done: exited(child) };
}

/** Resolves when a JSON log line on stderr satisfies `pred`. */
function waitForLog(child: ChildProcess, pred: (e: Record<string, unknown>) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      buf += d;
      for (let i = buf.indexOf('\n'); i >= 0; i = buf.indexOf('\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        try {
          if (pred(JSON.parse(line) as Record<string, unknown>)) resolve();
        } catch {
          /* not a log line */
        }
      }
    });
    child.on('exit', () => reject(new Error('exited before the awaited log line')));
  });
}


test('exit 3 while another live run holds the lock; exit 2 on a bad configuration', (t) => {
  const store = tempStore();
  t.after(() => store.cleanup());
  store.db.prepare('INSERT INTO run_lock (id, run_id, pid, host, acquired_at, heartbeat_at) VALUES (1, ?, ?, ?, ?, ?)')
    .run('other', process.pid, hostname(), new Date().toISOString(), new Date().toISOString());
  store.db.close();
  const locked = cliSync(['run', '--no-crawl', '--data-dir', store.dir]);
  assert.equal(locked.status, 3, locked.stderr);
  assert.match(locked.stderr, /another nianbao run holds the lock/);
  const bad = cliSync(['extract', '--data-dir', store.dir, '--workers', 'many']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /workers/);
});

test('SIGINT finishes the document in hand, records an interrupted run, and the next run resumes', async (t) => {
  const { store, child, done } = slowRun(t);
  await waitForLog(child, (e) => e.event === 'extract.item');
  child.kill('SIGINT');
  assert.equal(await done, 0);
  const db = openDb(join(store.dir, 'nianbao.sqlite'));
  const run = db.prepare('SELECT status, summary_json FROM runs').get() as { status: string; summary_json: string };
  assert.equal(run.status, 'interrupted');
  assert.ok((JSON.parse(run.summary_json) as { extract: { notStarted: number } }).extract.notStarted > 0);
  assert.equal(db.prepare('SELECT COUNT(*) FROM run_lock').pluck().get(), 0);
  db.close();
  const next = cliSync(['run', '--no-crawl', '--no-export', '--data-dir', store.dir, '--json']);
  assert.equal(next.status, 0, next.stderr);
  const summary = JSON.parse(next.stdout) as { store: { reports: { ok: number }; pendingExtract: number } };
  assert.equal(summary.store.pendingExtract, 0);
  assert.equal(summary.store.reports.ok, 120);
});

test('after SIGKILL nothing committed is lost: the next run takes the lock over and finishes', async (t) => {
  const { store, child, done } = slowRun(t);
  await waitForLog(child, (e) => e.event === 'extract.item' && (e.done as number) >= 3);
  child.kill('SIGKILL');
  await done;
  const db = openDb(join(store.dir, 'nianbao.sqlite'));
  const committed = db.prepare('SELECT sha256 FROM extractions ORDER BY sha256').pluck().all();
  assert.ok(committed.length >= 3);
  db.close();
  const next = cliSync(['run', '--no-crawl', '--out', join(store.dir, 'csv'), '--no-bom', '--data-dir', store.dir, '--json']);
  assert.equal(next.status, 0, next.stderr);
  const s = JSON.parse(next.stdout) as { tookOverLock?: { pid: number }; extract: { pending: number }; store: { reports: { ok: number } } };
  assert.equal(s.tookOverLock?.pid, child.pid);
  assert.equal(s.extract.pending, 120 - committed.length, 'committed extractions are not redone');
  assert.equal(s.store.reports.ok, 120);
  const db2 = openDb(join(store.dir, 'nianbao.sqlite'));
  assert.deepEqual(db2.prepare('SELECT status FROM runs ORDER BY started_at').pluck().all(), ['crashed', 'ok']);
  db2.close();
  const csv = readFileSync(join(store.dir, 'csv', 'reports.csv'), 'utf8');
  assert.ok(csv.startsWith('report_id,'), 'no BOM with --no-bom');
});
