/**
 * Acceptance: a crawl killed with SIGKILL midway (in a child process) and started again ends with the same
 * stored set as an uninterrupted crawl; nothing stored before the kill is fetched again, nothing duplicated.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { urlKey } from '../../crawlers/canonical.ts';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { crawlFixture, fixtureSites, storedSet } from './helpers/fixture-crawl.ts';
import { tempStore, type TempStore } from './helpers/store.ts';

const CHILD = fileURLToPath(new URL('./helpers/crawl-child.ts', import.meta.url));

function startChild(sitesFile: string, store: TempStore, rps: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, sitesFile, store.dbPath, join(store.dir, 'raw'), String(rps)], {
    stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
  return { child, exited };
}

test('a crawl killed with SIGKILL midway resumes to the same stored set', { timeout: 120_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const straight = tempStore(t);
  await crawlFixture(straight, fixtureSites(site.sitesFile), 'straight');
  const full = storedSet(straight);

  const store = tempStore(t);
  const count = store.db.prepare('SELECT count(*) FROM documents').pluck();
  const first = startChild(site.sitesFile, store, 4);
  t.after(() => first.child.kill('SIGKILL'));
  const deadline = Date.now() + 60_000;
  while ((count.get() as number) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  const killed = await first.exited;
  assert.equal(killed.signal, 'SIGKILL', killed.stderr);
  const atKill = storedSet(store);
  assert.ok(atKill.length >= 3 && atKill.length < full.length, `killed midway: ${atKill.length} of ${full.length} stored`);
  const seen = site.requests.length;

  const second = startChild(site.sitesFile, store, 50);
  const done = await second.exited;
  assert.equal(done.code, 0, done.stderr);
  assert.deepEqual(storedSet(store), full, 'same stored set as the uninterrupted crawl');
  const rows = store.db.prepare('SELECT count(*) FROM documents').pluck().get();
  assert.equal(rows, new Set(storedSet(store)).size, 'no duplicate rows');
  assert.equal(store.db.prepare("SELECT count(*) FROM frontier WHERE state = 'in_progress'").pluck().get(), 0);
  const storedKeys = new Set(atKill.map((s) => s.split(' ')[0]));
  const refetched = site.requests.slice(seen).filter((r) => storedKeys.has(urlKey(`http://${r.host}${r.path}`) ?? ''));
  assert.deepEqual(refetched.map((r) => r.path), [], 'nothing stored before the kill is fetched again');
});

test('an aborted crawl stops cleanly (nothing left in progress) and the next crawl finishes the cycle', { timeout: 60_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore(t);
  const sites = fixtureSites(site.sitesFile, ['trs', 'ucap'], { rps: 10 });
  const ac = new AbortController();
  const stored = store.db.prepare('SELECT count(*) FROM documents').pluck();
  const first = await crawlFixture(store, sites, 'abort-1', {
    signal: ac.signal, progressIntervalMs: 20, onProgress: () => ((stored.get() as number) >= 2 ? ac.abort() : undefined),
  });
  assert.ok(first.aborted);
  assert.equal(store.db.prepare("SELECT count(*) FROM frontier WHERE state = 'in_progress'").pluck().get(), 0);
  assert.ok(store.db.prepare('SELECT count(*) FROM sites WHERE cycle_finished_at IS NULL').pluck().get() as number > 0);
  const second = await crawlFixture(store, sites, 'abort-2');
  assert.ok(!second.aborted);
  const expected = site.expectedReports.filter((e) => e.site === 'trs' || e.site === 'ucap');
  for (const e of expected) assert.ok(store.db.prepare('SELECT 1 FROM documents WHERE url_key = ? AND sha256 = ?').get(urlKey(e.url), e.sha256), e.url);
  assert.equal(store.db.prepare('SELECT count(*) FROM sites WHERE cycle = 1 AND cycle_finished_at IS NOT NULL').pluck().get(), 2);
});
