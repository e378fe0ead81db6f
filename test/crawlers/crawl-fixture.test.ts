/**
 * Acceptance: one crawl of the whole fixture site (six CMS families) stores every report it holds and
 * behaves: robots.txt, mirrors, _wap twins, traps, 429 / 503, challenge and captcha, GBK, User-Agent.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startFixtureSite } from '../../scripts/fixture-site/index.ts';
import { CONTACT, crawlFixture, fixtureSites, hasDocument } from './helpers/fixture-crawl.ts';
import { tempStore } from './helpers/store.ts';

test('a crawl of the fixture site stores every report it holds, and only what it should fetch', { timeout: 90_000 }, async (t) => {
  const site = await startFixtureSite();
  t.after(() => site.close());
  const store = tempStore(t);
  const summary = await crawlFixture(store, fixtureSites(site.sitesFile), 'run-1');
  const expected = site.expectedReports;
  assert.ok(expected.length >= 8, `the site holds ${expected.length} reports`);
  const missing = expected.filter((e) => !hasDocument(store, e.url, e.sha256));
  assert.deepEqual(missing.map((e) => `${e.site} ${e.url}`), [], 'every report stored with its exact bytes');
  for (const e of expected) assert.ok(existsSync(store.blobs.pathFor(e.sha256)), `blob of ${e.url}`);
  const formats = new Set(expected.map((e) => e.format));
  for (const f of ['html', 'pdf', 'doc', 'docx', 'wps']) assert.ok(formats.has(f), `a ${f} report is served`);

  const req = site.requests;
  const on = (name: string) => req.filter((r) => r.site === name);
  // robots.txt: the Disallowed folders are never requested.
  for (const [name, prefixes] of Object.entries(site.disallowedPaths)) {
    assert.deepEqual(on(name).filter((r) => prefixes.some((p) => r.path.startsWith(p))).map((r) => r.path), [], name);
  }
  assert.deepEqual(on('mirror'), [], 'the non-government mirror is never contacted');
  assert.deepEqual(req.filter((r) => r.path.includes('_wap')).map((r) => r.path), [], '_wap twins are not fetched');
  const trap = on('trs').filter((r) => r.path.startsWith('/zfxxgk/archive/'));
  assert.ok(trap.length > 0 && trap.length <= 12, `the archive trap ended after ${trap.length} pages`);
  assert.ok(req.every((r) => r.userAgent.includes('nianbao') && r.userAgent.includes(CONTACT)), 'honest User-Agent with contact');

  // 429 with Retry-After: 1 → the retry waited at least that long.
  const proxy = on('hanweb').filter((r) => r.path.startsWith('/module/web/jpage/dataproxy.jsp'));
  assert.equal(proxy[0].status, 429);
  const retried = proxy.find((r) => r.path === proxy[0].path && r.status === 200);
  assert.ok(retried && retried.time - proxy[0].time >= 950, 'retried after Retry-After');
  // 503 once → retried with backoff.
  const first = on('ucap').find((r) => r.status === 503);
  assert.ok(first && on('ucap').some((r) => r.path === first.path && r.status === 200));

  // Challenge passed by the browser once, then plain requests carry its cookie; the captcha is blocked.
  assert.ok(on('challenge').some((r) => r.cookie.includes('nb_guard=passed') && r.path !== '/'));
  const blocked = store.db.prepare("SELECT url, last_error FROM frontier WHERE state = 'blocked'").all() as { url: string; last_error: string }[];
  assert.equal(blocked.length, 1);
  assert.match(blocked[0].url, /\/xxgk\/nb\/2019\//);
  assert.match(blocked[0].last_error, /验证码/);
  assert.equal(summary.blocked, 1);

  // GBK pages: titles decoded right.
  const gbkTitles = store.db.prepare("SELECT title FROM documents WHERE site_id = 'fx-gbk'").pluck().all() as string[];
  for (const e of expected.filter((x) => x.site === 'gbk')) assert.ok(gbkTitles.includes(e.title), e.title);

  assert.equal(summary.errors, 0, JSON.stringify(summary.byErrorKind));
  assert.equal(summary.disallowed, 2);
  assert.ok(summary.duplicates >= 1, 'the re-posted PDF is recognised as known bytes');
  assert.equal(summary.newDocuments, expected.length);
  assert.ok((summary.skipped.offsite ?? 0) >= 2);
  const logged = store.db.prepare("SELECT count(*) FROM fetches WHERE run_id = 'run-1'").pluck().get() as number;
  assert.ok(logged >= summary.pages);
});
