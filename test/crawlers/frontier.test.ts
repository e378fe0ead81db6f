import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Frontier } from '../../crawlers/frontier.ts';
import type { SiteConfig } from '../../crawlers/types.ts';
import { tempStore } from './helpers/store.ts';

const SITE: SiteConfig = {
  id: 's', name: 'S', entryUrl: 'http://a.gov.cn/', entryRole: 'home', adapter: 'auto', render: 'auto', rps: 1,
  pageLimit: 100, allowedHosts: ['a.gov.cn', 'b.gov.cn'], maxDepth: 4,
};
const NOW = '2024-05-01T00:00:00.000Z';
const claimAll = (f: Frontier) => f.claim(NOW, 100, 100, [], [], ['s']);

test('links are keyed by canonical URL: the same page, a fragment or a _wap twin is added once', (t) => {
  const { db } = tempStore(t);
  const f = new Frontier(db);
  const { cycle } = f.startSite(SITE, 'home', NOW);
  assert.ok(f.add('s', { url: 'http://a.gov.cn/nb/t1.html', kind: 'detail', depth: 1 }, null, cycle));
  assert.ok(!f.add('s', { url: 'http://A.gov.cn/nb/t1.html#x', kind: 'detail', depth: 1 }, null, cycle));
  assert.ok(!f.add('s', { url: 'http://a.gov.cn/nb/t1_wap.html', kind: 'detail', depth: 1 }, null, cycle));
  assert.equal(db.prepare('SELECT count(*) FROM frontier').pluck().get(), 2); // + the entry
});

test('claim takes at most N per host, round-robin, and skips busy hosts', (t) => {
  const { db } = tempStore(t);
  const f = new Frontier(db);
  const { cycle } = f.startSite(SITE, 'home', NOW);
  for (let i = 0; i < 5; i++) f.add('s', { url: `http://a.gov.cn/${i}.html`, kind: 'detail', depth: 1 }, null, cycle);
  for (let i = 0; i < 2; i++) f.add('s', { url: `http://b.gov.cn/${i}.html`, kind: 'detail', depth: 1 }, null, cycle);
  const rows = f.claim(NOW, 2, 10, [], [], ['s']);
  assert.deepEqual(rows.map((r) => r.host).sort(), ['a.gov.cn', 'a.gov.cn', 'b.gov.cn', 'b.gov.cn']);
  assert.ok(rows.every((r) => db.prepare('SELECT state FROM frontier WHERE url_key = ?').pluck().get(r.url_key) === 'in_progress'));
  assert.deepEqual(f.claim(NOW, 2, 10, ['a.gov.cn'], [], ['s']), []);
  assert.equal(f.claim(NOW, 2, 10, [], [], ['s']).length, 2);
});

test('resume: in_progress goes back to pending, done stays done; a finished cycle opens a new one', (t) => {
  const { db } = tempStore(t);
  const f = new Frontier(db);
  const c1 = f.startSite(SITE, 'home', NOW);
  assert.deepEqual(c1, { cycle: 1, resumed: false });
  f.add('s', { url: 'http://a.gov.cn/nb/', kind: 'list', role: 'column', depth: 1 }, null, 1);
  f.add('s', { url: 'http://a.gov.cn/nb/1.pdf', kind: 'attachment', depth: 2 }, null, 1);
  f.add('s', { url: 'http://a.gov.cn/nb/2.pdf', kind: 'attachment', depth: 2 }, null, 1);
  f.add('s', { url: 'http://a.gov.cn/nb/3.pdf', kind: 'attachment', depth: 2 }, null, 1);
  const rows = claimAll(f);
  const key = (u: string) => rows.find((r) => r.url.endsWith(u))?.url_key ?? '';
  f.done(key('/'), 1, {});
  f.done(key('/nb/'), 1, { etag: '"l1"' });
  f.done(key('1.pdf'), 1, { etag: '"e1"', sha256: 'aa' });
  f.done(key('2.pdf'), 1, { sha256: 'bb' }); // no validators
  // 3.pdf stays in_progress: the process was killed.
  const states = () => Object.fromEntries((db.prepare('SELECT url, state FROM frontier').all() as { url: string; state: string }[]).map((r) => [r.url.replace('http://a.gov.cn', ''), r.state]));
  assert.deepEqual(f.startSite(SITE, 'home', NOW), { cycle: 1, resumed: true });
  assert.deepEqual(states(), { '/': 'done', '/nb/': 'done', '/nb/1.pdf': 'done', '/nb/2.pdf': 'done', '/nb/3.pdf': 'pending' });
  const again = claimAll(f);
  assert.deepEqual(again.map((r) => r.url), ['http://a.gov.cn/nb/3.pdf']);
  f.end(again[0].url_key, 1, 'failed', 'http.500');
  f.finishCycle('s', NOW);
  // New cycle: lists revisited, documents with validators revalidated, retryable failures retried.
  assert.deepEqual(f.startSite(SITE, 'home', NOW), { cycle: 2, resumed: false });
  assert.deepEqual(states(), { '/': 'pending', '/nb/': 'pending', '/nb/1.pdf': 'pending', '/nb/2.pdf': 'done', '/nb/3.pdf': 'pending' });
});

test('retry sets next_attempt_at; nextWakeup reports it; 404s are not retried next cycle', (t) => {
  const { db } = tempStore(t);
  const f = new Frontier(db);
  f.startSite(SITE, 'home', NOW);
  const [entry] = claimAll(f);
  f.retry(entry.url_key, 1, 'http.503', Date.parse(NOW) + 5000);
  assert.deepEqual(claimAll(f), []);
  assert.equal(f.nextWakeup([], ['s']), Date.parse(NOW) + 5000);
  assert.equal(f.claim('2024-05-01T00:00:06.000Z', 5, 5, [], [], ['s']).length, 1);
  f.add('s', { url: 'http://a.gov.cn/gone.pdf', kind: 'attachment', depth: 1 }, null, 1);
  const [gone] = claimAll(f);
  f.end(gone.url_key, 1, 'failed', 'http.404');
  f.finishCycle('s', NOW);
  f.startSite(SITE, 'home', NOW);
  assert.equal(db.prepare("SELECT state FROM frontier WHERE url LIKE '%gone.pdf'").pluck().get(), 'failed');
});
