/**
 * A nightly run must not say "ok" when the crawl reached nothing: every site unreachable, or no document seen
 * where the previous crawl saw some, is an outage (exit 5); some sites unreachable is exit 1.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeCrawl, siteHealth, type SiteHealth } from '../../src/pipeline/crawl-health.ts';
import { exitCodeFor } from '../../src/pipeline/run.ts';
import { formatSummary, type RunSummary } from '../../src/pipeline/summary.ts';
import { tempStore } from '../store/fixture-db.ts';

const BIN = fileURLToPath(new URL('../../bin/nianbao.mjs', import.meta.url));

const site = (requests: number, answered: number, documents: number): SiteHealth => ({ requests, answered, documents });

test('the verdict: every site unreachable, or nothing seen where the last crawl saw documents, is an outage', () => {
  const down = judgeCrawl(new Map([['a', site(3, 0, 0)], ['b', site(1, 0, 0)]]), null);
  assert.equal(down.verdict, 'outage');
  assert.match(down.reason!, /all 2 unreachable \(a, b\)/);

  const empty = judgeCrawl(new Map([['a', site(5, 5, 0)], ['b', site(4, 4, 0)]]), { a: 12, b: 3, c: 9 });
  assert.equal(empty.verdict, 'outage');
  assert.equal(empty.previousDocuments, 15, 'only the sites crawled now are compared');

  const one = judgeCrawl(new Map([['a', site(5, 5, 7)], ['b', site(2, 0, 0)], ['c', site(3, 3, 0)]]), { a: 7, c: 2 });
  assert.equal(one.verdict, 'sites_failed');
  assert.deepEqual([one.unreachable, one.emptied], [['b'], ['c']]);

  assert.equal(judgeCrawl(new Map([['a', site(5, 5, 0)]]), null).verdict, 'ok', 'nothing found and nothing before: a new site');
  assert.equal(judgeCrawl(new Map([['a', site(2, 0, 0)]]), null, true).verdict, 'ok', 'an interrupted crawl is no outage');
  assert.equal(exitCodeFor(0, 'outage'), 5);
  assert.equal(exitCodeFor(0, 'sites_failed'), 1);
  assert.equal(exitCodeFor(0, 'ok'), 0);
});

test('per-site figures come from this run\'s fetches (robots.txt by host; a 404 is an answer) and the documents seen since the crawl began', () => {
  const store = tempStore();
  try {
    const fetch = store.db.prepare('INSERT INTO fetches (run_id, url, site_id, status, error_kind, time) VALUES (?, ?, ?, ?, ?, ?)');
    fetch.run('r2', 'http://a/', 'a', 200, null, 't');
    fetch.run('r2', 'http://a/x', 'a', 304, null, 't');
    fetch.run('r2', 'http://b/', 'b', null, 'fetch.network', 't');
    fetch.run('r1', 'http://b/', 'b', 200, null, 't');
    fetch.run('r2', 'http://c.gov.cn/robots.txt', null, 404, null, 't');
    fetch.run('r2', 'http://b.gov.cn:81/robots.txt', null, null, 'fetch.network', 't');
    const doc = store.db.prepare("INSERT INTO documents (url_key, url, site_id, sha256, version, first_seen, last_seen) VALUES (?, ?, ?, ?, 1, '2026-01-01', ?)");
    doc.run('a1', 'http://a/1', 'a', 's1', '2026-02-02T00:00:01Z');
    doc.run('a2', 'http://a/2', 'a', 's2', '2026-01-01T00:00:00Z');
    doc.run('b1', 'http://b/1', 'b', 's3', '2026-01-01T00:00:00Z');
    const sites = [{ id: 'a', hosts: ['a.gov.cn'] }, { id: 'b', hosts: ['b.gov.cn:81'] }, { id: 'c', hosts: ['c.gov.cn'] }];
    const h = siteHealth(store.db, 'r2', '2026-02-02T00:00:00Z', sites);
    assert.deepEqual(Object.fromEntries(h), {
      a: { requests: 2, answered: 2, documents: 1 }, b: { requests: 2, answered: 0, documents: 0 }, c: { requests: 1, answered: 1, documents: 0 },
    });
  } finally {
    store.cleanup();
  }
});

/** A port on 127.0.0.1 where nothing listens (bound, then closed). */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NIANBAO_LOG: 'quiet' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

test('nianbao run and nianbao crawl exit 5 and say OUTAGE when no site of the registry answers', { timeout: 120_000 }, async () => {
  const store = tempStore();
  try {
    const ports = [await closedPort(), await closedPort()];
    const sites = join(store.dir, 'sites.csv');
    writeFileSync(sites, `id,name,entry_url,rps\n${ports.map((p, i) => `down${i},Down ${i},http://127.0.0.1:${p}/col/,50`).join('\n')}\n`);
    const run = await cli(['run', '--sites', sites, '--data-dir', store.dir, '--json']);
    assert.equal(run.code, 5, run.stderr);
    const s = JSON.parse(run.stdout) as RunSummary;
    assert.equal(s.status, 'failed');
    assert.equal(s.crawl?.health.verdict, 'outage');
    assert.deepEqual(s.crawl?.health.unreachable, ['down0', 'down1']);
    assert.match(formatSummary(s), /OUTAGE +no site answered: all 2 unreachable/);
    const crawl = await cli(['crawl', '--sites', sites, '--data-dir', store.dir, '--quiet']);
    assert.equal(crawl.code, 5, crawl.stderr);
    assert.match(crawl.stderr, /OUTAGE: no site answered/);
  } finally {
    store.cleanup();
  }
});
