/**
 * The distributed mode end to end, offline: a throwaway redis-server, two `nianbao worker` processes and
 * `nianbao run --queue` coordinators over fixture documents in several formats plus a poisoned one. The
 * results must equal a local run's over the same files, every content extracted and stored exactly once,
 * through a worker SIGKILLed mid-job and a coordinator SIGKILLed mid-run.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addDocument, tempStore, type TestStore } from '../store/fixture-db.ts';
import { quietIo, seed, testConfig } from '../pipeline/helpers.ts';
import { runPipeline } from '../../src/pipeline/run.ts';
import { openDb } from '../../src/store/db.ts';
import type { RunSummary } from '../../src/pipeline/summary.ts';
import { nianbao, startRedis, startWorker, stopChild, type CliProcess, type LogLine, type TestRedis } from '../../scripts/queue-processes.ts';

const FORMATS = fileURLToPath(new URL('../fixtures/extractors/formats/', import.meta.url));
const SEEDS = readdirSync(fileURLToPath(new URL('../fixtures/seeds/', import.meta.url))).filter((f) => f.endsWith('.txt'));

let redis: TestRedis;
let root: string;
let base: TestStore;
let local: string;
let docSha: string;
let poisonSha: string;
let shas: string[];
const workers: CliProcess[] = [];

/** Volatile columns (times, run ids, row ids) left out; rows keyed by content, sorted. */
function dump(dataDir: string): Record<string, string[]> {
  const db = openDb(join(dataDir, 'nianbao.sqlite'), { readonly: true });
  try {
    const keyed = (t: string) => `SELECT r.sha256 AS of_sha, x.* FROM ${t} x JOIN reports r ON r.id = x.report_id`;
    const queries: Record<string, string> = {
      extractions: 'SELECT * FROM extractions', reports: 'SELECT * FROM reports',
      cells: keyed('cells'), checks: keyed('checks'), report_warnings: keyed('report_warnings'),
    };
    return Object.fromEntries(Object.entries(queries).map(([t, sql]) => [t, (db.prepare(sql).all() as Record<string, unknown>[])
      .map((row) => JSON.stringify(Object.entries(row).filter(([k]) => !/^(id|report_id|document_id|run_id|ms)$|_at$/.test(k))))
      .sort()]));
  } finally {
    db.close();
  }
}

function models(dataDir: string): Map<string, string> {
  const dir = join(dataDir, 'extracted');
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function assertSameAsLocal(dataDir: string): void {
  const got = dump(dataDir);
  const want = dump(local);
  for (const table of Object.keys(want)) assert.deepEqual(got[table], want[table], `${table} equal to the local run's`);
  assert.deepEqual(models(dataDir), models(local), 'document models byte for byte');
}

function copyOfBase(name: string): string {
  const dir = join(root, name);
  cpSync(base.dir, dir, { recursive: true });
  return dir;
}

const coordinator = (dataDir: string) => nianbao(['run', '--no-crawl', '--no-export', '--json', '--data-dir', dataDir, '--queue', redis.url]);
const doneLines = (sha: string): LogLine[] => workers.flatMap((w) => w.logs.filter((l) => l.event === 'job.done' && l.sha256 === sha));

before(async () => {
  redis = await startRedis();
  root = mkdtempSync(join(tmpdir(), 'nianbao-queue-test-'));
  base = tempStore();
  shas = SEEDS.map((f, i) => addDocument(base, seed(f), { url: `http://127.0.0.1/s${i}/report.txt` }));
  const file = (name: string, ext: string, contentType: string) =>
    addDocument(base, readFileSync(join(FORMATS, name)), { url: `http://127.0.0.1/f/${name}`, ext, contentType });
  shas.push(file('report.html', 'html', 'text/html; charset=utf-8'));
  shas.push(file('report.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'));
  shas.push(file('report.pdf', 'pdf', 'application/pdf'));
  poisonSha = addDocument(base, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 0x9c)]), { url: 'http://127.0.0.1/f/poison.pdf', ext: 'pdf', contentType: 'application/pdf' });
  // The slowest (LibreOffice, seconds) goes last: it is still running when the first results arrive.
  docSha = file('report.doc', 'doc', 'application/msword');
  shas.push(poisonSha, docSha);
  base.db.close();
  local = copyOfBase('local');
  await runPipeline(testConfig({ ...base, dir: local }), { command: 'run', extract: {}, parse: {} }, quietIo());
  workers.push(await startWorker(redis.url, 'w1', { tmpDir: root }), await startWorker(redis.url, 'w2', { tmpDir: root }));
});

after(async () => {
  await Promise.all(workers.map((w) => stopChild(w.child)));
  await redis?.stop();
  base?.cleanup();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('a coordinator and two workers store what a local run stores, each content once; a worker killed mid-job loses nothing', { timeout: 5 * 60_000 }, async () => {
  const dir = copyOfBase('queue');
  const run = coordinator(dir);
  // SIGKILL whichever worker takes the slow document, as soon as it starts it.
  const start = await Promise.race(workers.map((w) => w.waitFor((l) => l.event === 'job.start' && l.sha256 === docSha, 'the DOC job')));
  const victim = workers.find((w) => w.logs.includes(start))!;
  victim.child.kill('SIGKILL');
  assert.equal(await run.exited, 1, `exit 1 (the poisoned document failed): ${run.stderr().slice(-3000)}`);
  const s = JSON.parse(run.stdout()) as RunSummary;

  assertSameAsLocal(dir);
  const survivor = workers.find((w) => w !== victim)!;
  assert.equal(doneLines(docSha).length, 1);
  assert.equal(doneLines(docSha)[0]!.worker, survivor.logs[0]!.worker, 'the other worker completed the killed job');
  for (const sha of shas) assert.equal(doneLines(sha).length, 1, `${sha} extracted once`);
  const db = openDb(join(dir, 'nianbao.sqlite'), { readonly: true });
  assert.deepEqual(db.prepare('SELECT DISTINCT attempts FROM extractions').pluck().all(), [1], 'each extraction stored once');
  const poison = db.prepare('SELECT status, error_code, retryable FROM extractions WHERE sha256 = ?').get(poisonSha) as Record<string, unknown>;
  db.close();
  assert.equal(poison.status, 'failed');
  assert.ok(poison.error_code && poison.error_code !== 'internal', `a typed error: ${poison.error_code}`);
  assert.deepEqual(s.failedByReason, { [poison.error_code as string]: 1 }, 'the poisoned document is the only failure');
  assert.equal(s.extract?.ok, shas.length - 1);
  assert.equal(Object.values(s.extract?.byWorker ?? {}).reduce((a, b) => a + b, 0), shas.length, 'per-worker counts add up');

  // Replace the killed worker for the next test.
  workers.splice(workers.indexOf(victim), 1);
  workers.push(await startWorker(redis.url, 'w3', { tmpDir: root }));
});

test('a coordinator SIGKILLed mid-run: the next run collects the results left in Redis and stores nothing twice', { timeout: 5 * 60_000 }, async () => {
  const dir = copyOfBase('resumed');
  const first = coordinator(dir);
  await first.waitFor((l) => l.event === 'extract.item', 'the first result');
  first.child.kill('SIGKILL');
  await first.exited;
  const db = openDb(join(dir, 'nianbao.sqlite'), { readonly: true });
  const committed = db.prepare('SELECT COUNT(*) FROM extractions').pluck().get() as number;
  const poisonLeft = db.prepare('SELECT COUNT(*) FROM extractions WHERE sha256 = ?').pluck().get(poisonSha) === 0;
  db.close();
  assert.ok(committed >= 1 && committed < shas.length, `killed mid-run (${committed} of ${shas.length} stored)`);

  const second = coordinator(dir);
  assert.equal(await second.exited, poisonLeft ? 1 : 0, second.stderr().slice(-3000));
  const s = JSON.parse(second.stdout()) as RunSummary;
  assert.equal(s.tookOverLock?.pid, first.child.pid);
  assert.equal(s.extract?.pending, shas.length - committed, 'what the killed run stored is not redone');
  assertSameAsLocal(dir);
  const db2 = openDb(join(dir, 'nianbao.sqlite'), { readonly: true });
  assert.deepEqual(db2.prepare('SELECT DISTINCT attempts FROM extractions').pluck().all(), [1], 'nothing stored twice');
  assert.deepEqual(db2.prepare('SELECT status FROM runs ORDER BY started_at').pluck().all(), ['crashed', poisonLeft ? 'failed' : 'ok']);
  db2.close();
});

test('Redis unreachable: run and worker stop with exit 6 and a clear message, nothing written; no token: exit 2', async () => {
  const dir = join(root, 'unreachable');
  const dead = 'redis://127.0.0.1:1';
  const run = nianbao(['run', '--no-crawl', '--data-dir', dir, '--queue', dead]);
  const worker = nianbao(['worker', '--queue', dead]);
  const noToken = nianbao(['worker', '--queue', redis.url], { NIANBAO_QUEUE_TOKEN: '' });
  assert.equal(await run.exited, 6);
  assert.match(run.stderr(), /cannot reach Redis at redis:\/\/127\.0\.0\.1:1/);
  assert.equal(existsSync(dir), false, 'no database, no run row: nothing half-written');
  assert.equal(await worker.exited, 6);
  assert.match(worker.stderr(), /cannot reach Redis/);
  assert.equal(await noToken.exited, 2);
  assert.match(noToken.stderr(), /NIANBAO_QUEUE_TOKEN/);
});
